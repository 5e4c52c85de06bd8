-- Catalog migration V4: reserved for the immediate work; a no-op until that work lands.
DO $$ BEGIN END $$;
