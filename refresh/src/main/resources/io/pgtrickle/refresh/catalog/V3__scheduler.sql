-- Catalog migration V3: reserved for the scheduler work; a no-op until that work lands.
DO $$ BEGIN END $$;
