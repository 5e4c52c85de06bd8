package io.pgtrickle.corpus.tpch;

import java.util.List;
import java.util.Random;

/**
 * The value domains of TPC-H (spec 4.2.2.13 and 4.2.3): the word lists that names, types, containers,
 * segments, priorities, instructions and modes are drawn from, and a small grammar for comments.
 */
final class TpchText {

  static final List<String> REGIONS = List.of("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST");

  /** The 25 nations as (name, region key), in nation-key order. */
  static final List<String> NATIONS = List.of("ALGERIA", "ARGENTINA", "BRAZIL", "CANADA", "EGYPT", "ETHIOPIA",
      "FRANCE", "GERMANY", "INDIA", "INDONESIA", "IRAN", "IRAQ", "JAPAN", "JORDAN", "KENYA", "MOROCCO",
      "MOZAMBIQUE", "PERU", "CHINA", "ROMANIA", "SAUDI ARABIA", "VIETNAM", "RUSSIA", "UNITED KINGDOM",
      "UNITED STATES");
  static final int[] NATION_REGION = {0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1};

  static final List<String> COLORS = List.of("almond", "antique", "aquamarine", "azure", "beige", "bisque",
      "black", "blanched", "blue", "blush", "brown", "burlywood", "burnished", "chartreuse", "chiffon",
      "chocolate", "coral", "cornflower", "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab",
      "firebrick", "floral", "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey", "honeydew",
      "hot", "indian", "ivory", "khaki", "lace", "lavender", "lawn", "lemon", "light", "lime", "linen",
      "magenta", "maroon", "medium", "metallic", "midnight", "mint", "misty", "moccasin", "navajo", "navy",
      "olive", "orange", "orchid", "pale", "papaya", "peach", "peru", "pink", "plum", "powder", "puff",
      "purple", "red", "rose", "rosy", "royal", "saddle", "salmon", "sandy", "seashell", "sienna", "sky",
      "slate", "smoke", "snow", "spring", "steel", "tan", "thistle", "tomato", "turquoise", "violet", "wheat",
      "white", "yellow");

  static final List<String> TYPE_1 = List.of("STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO");
  static final List<String> TYPE_2 = List.of("ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED");
  static final List<String> TYPE_3 = List.of("TIN", "NICKEL", "BRASS", "STEEL", "COPPER");
  static final List<String> CONTAINER_1 = List.of("SM", "LG", "MED", "JUMBO", "WRAP");
  static final List<String> CONTAINER_2 = List.of("CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM");
  static final List<String> SEGMENTS = List.of("AUTOMOBILE", "BUILDING", "FURNITURE", "MACHINERY", "HOUSEHOLD");
  static final List<String> PRIORITIES = List.of("1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED", "5-LOW");
  static final List<String> INSTRUCTIONS = List.of("DELIVER IN PERSON", "COLLECT COD", "NONE", "TAKE BACK RETURN");
  static final List<String> MODES = List.of("REG AIR", "AIR", "RAIL", "SHIP", "TRUCK", "MAIL", "FOB");

  private static final List<String> NOUNS = List.of("foxes", "ideas", "theodolites", "pinto beans",
      "instructions", "dependencies", "excuses", "platelets", "asymptotes", "courts", "dolphins", "multipliers",
      "sauternes", "warthogs", "frets", "dinos", "attainments", "somas", "Tiresias", "patterns", "forges",
      "braids", "frays", "warhorses", "dugouts", "notornis", "epitaphs", "pearls", "tithes", "waters",
      "orbits", "gifts", "sheaves", "depths", "sentiments", "decoys", "realms", "pains", "grouches", "escapades",
      "hockey players", "packages", "requests", "accounts", "deposits", "Customer");
  private static final List<String> VERBS = List.of("sleep", "wake", "are", "cajole", "haggle", "nag", "use",
      "boost", "affix", "detect", "integrate", "maintain", "nod", "was", "lose", "sublate", "solve", "thrash",
      "promise", "engage", "hinder", "print", "x-ray", "breach", "eat", "grow", "impress", "mold", "poach",
      "serve", "run", "dazzle", "snooze", "doze", "unwind", "kindle", "play", "hang", "believe", "doubt");
  private static final List<String> ADJECTIVES = List.of("furious", "sly", "careful", "blithe", "quick",
      "fluffy", "slow", "quiet", "ruthless", "thin", "close", "dogged", "daring", "brave", "stealthy", "permanent",
      "enticing", "idle", "busy", "regular", "final", "ironic", "even", "bold", "silent", "special", "pending",
      "express", "unusual");
  private static final List<String> ADVERBS = List.of("sometimes", "always", "never", "furiously", "slyly",
      "carefully", "blithely", "quickly", "fluffily", "slowly", "quietly", "ruthlessly", "thinly", "closely",
      "doggedly", "daringly", "bravely", "stealthily", "permanently", "enticingly", "idly", "busily",
      "regularly", "finally", "ironically", "evenly", "boldly", "silently");

  private TpchText() {}

  static String pick(Random random, List<String> words) {
    return words.get(random.nextInt(words.size()));
  }

  /** A comment of words from the spec's grammar, cut to at most {@code maxLength} characters. */
  static String comment(Random random, int maxLength) {
    StringBuilder text = new StringBuilder();
    int target = Math.max(1, maxLength / 2 + random.nextInt(Math.max(1, maxLength / 2)));
    while (text.length() < target) {
      if (text.length() > 0) {
        text.append(' ');
      }
      text.append(switch (random.nextInt(4)) {
        case 0 -> pick(random, ADJECTIVES) + " " + pick(random, NOUNS);
        case 1 -> pick(random, NOUNS) + " " + pick(random, VERBS);
        case 2 -> pick(random, ADVERBS) + " " + pick(random, VERBS);
        default -> pick(random, NOUNS);
      });
    }
    return text.length() <= maxLength ? text.toString() : text.substring(0, maxLength).trim();
  }

  /** A random alphanumeric string (spec's v-string), length between min and max. */
  static String vString(Random random, int min, int max) {
    String alphabet = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,. ";
    int length = min + random.nextInt(max - min + 1);
    StringBuilder s = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      s.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return s.toString().trim().isEmpty() ? "x" : s.toString();
  }

  /** A phone number whose country code is the nation key + 10 (spec 4.2.2.9). */
  static String phone(Random random, int nationKey) {
    return (nationKey + 10) + "-" + (100 + random.nextInt(900)) + "-" + (100 + random.nextInt(900)) + "-"
        + (1000 + random.nextInt(9000));
  }
}
