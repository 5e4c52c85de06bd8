package io.pgtrickle.corpus.tpch;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generates one order with its line items following the spec (4.2.3): order dates between 1992-01-01 and
 * 151 days before 1998-12-31, ship/commit/receipt dates relative to it, return flag and line status against
 * the "current date" 1995-06-17, order status and total price derived from the line items, and customer
 * keys that are never a multiple of 3 (a third of the customers have no orders, which Q13 and Q22 see).
 */
final class OrderFactory {

  static final LocalDate START = LocalDate.of(1992, 1, 1);
  static final LocalDate CURRENT = LocalDate.of(1995, 6, 17);
  private static final int ORDER_DATE_SPAN = (int) (LocalDate.of(1998, 12, 31).toEpochDay() - 151
      - START.toEpochDay());

  /** One generated order: its row and its line items' rows, values in column order. */
  record Order(List<Object> row, List<List<Object>> lineItems) {}

  private final TpchScale scale;

  OrderFactory(TpchScale scale) {
    this.scale = scale;
  }

  /** The retail price of a part (spec 4.2.3: a function of the part key). */
  static BigDecimal retailPrice(int partKey) {
    return BigDecimal.valueOf(90_000 + ((partKey / 10) % 20_001) + 100L * (partKey % 1000), 2);
  }

  /** The i-th (0..3) supplier of a part (spec 4.2.3, PS_SUPPKEY). */
  static int supplierOf(int partKey, int i, int suppliers) {
    return (int) ((partKey + (long) i * (suppliers / 4 + (partKey - 1) / suppliers)) % suppliers) + 1;
  }

  Order order(Random random, int orderKey) {
    int customer;
    do {
      customer = 1 + random.nextInt(scale.customers());
    } while (customer % 3 == 0 && scale.customers() >= 3);
    LocalDate orderDate = START.plusDays(random.nextInt(ORDER_DATE_SPAN + 1));
    int lines = 1 + random.nextInt(7);
    List<List<Object>> items = new ArrayList<>();
    BigDecimal total = BigDecimal.ZERO;
    int shipped = 0;
    for (int line = 1; line <= lines; line++) {
      int part = 1 + random.nextInt(scale.parts());
      int supplier = supplierOf(part, random.nextInt(4), scale.suppliers());
      BigDecimal quantity = BigDecimal.valueOf(1 + random.nextInt(50));
      BigDecimal price = quantity.multiply(retailPrice(part));
      BigDecimal discount = BigDecimal.valueOf(random.nextInt(11), 2);
      BigDecimal tax = BigDecimal.valueOf(random.nextInt(9), 2);
      LocalDate shipDate = orderDate.plusDays(1 + random.nextInt(121));
      LocalDate commitDate = orderDate.plusDays(30 + random.nextInt(61));
      LocalDate receiptDate = shipDate.plusDays(1 + random.nextInt(30));
      String returnFlag = receiptDate.isAfter(CURRENT) ? "N" : (random.nextBoolean() ? "R" : "A");
      String lineStatus = shipDate.isAfter(CURRENT) ? "O" : "F";
      if (lineStatus.equals("F")) {
        shipped++;
      }
      total = total.add(price.multiply(BigDecimal.ONE.add(tax)).multiply(BigDecimal.ONE.subtract(discount)));
      items.add(List.of(orderKey, part, supplier, line, quantity, price, discount, tax, returnFlag, lineStatus,
          shipDate, commitDate, receiptDate, TpchText.pick(random, TpchText.INSTRUCTIONS),
          TpchText.pick(random, TpchText.MODES), TpchText.comment(random, 43)));
    }
    String status = shipped == lines ? "F" : shipped == 0 ? "O" : "P";
    int clerks = Math.max(1, (int) Math.round(scale.scaleFactor() * 1000));
    List<Object> row = List.of(orderKey, customer, status, total.setScale(2, RoundingMode.HALF_UP), orderDate,
        TpchText.pick(random, TpchText.PRIORITIES), String.format("Clerk#%09d", 1 + random.nextInt(clerks)), 0,
        TpchText.comment(random, 78));
    return new Order(row, items);
  }

  /** The spec's sparse order keys: only the first 8 of every 32 keys are used by the initial load. */
  static int orderKey(int index) {
    return (index / 8) * 32 + index % 8 + 1;
  }
}
