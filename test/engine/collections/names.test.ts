/**
 * The customers' name order as numbers, taken from the order the aging's allocation sorted them
 * in (ignoring case, then exact) when that is also code-unit order, else null (names compared).
 */
import { ageBook } from "../../../src/engine/aging";
import { customerNameOrder } from "../../../src/engine/collections/names";
import { bookOf, type InvoiceSpec } from "../builders";

const agingOf = (customers: string[]) => {
  const invoices: InvoiceSpec[] = customers.map((customer, k) => ({
    number: `I${k}`,
    customer,
    invoiceDate: "2026-09-01",
    amount: 100,
    currency: k % 2 === 0 ? "USD" : "EUR",
  }));
  return ageBook(bookOf({ invoices }), { asOf: 46326, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" });
};

describe("customerNameOrder", () => {
  it.each<[string, string[], string[] | null]>([
    ["names in one case: their code-unit order", ["Cato", "Acme", "Beta"], ["Acme", "Beta", "Cato"]],
    ["a capital and a small letter that order alike either way", ["beta", "Acme"], ["Acme", "beta"]],
    ["a small letter before a capital ignoring case but after it by code unit: null", ["bravo", "Cato", "Acme"], null],
  ])("%s", (_name, customers, expected) => {
    const aging = agingOf(customers);
    const position = customerNameOrder(aging);
    if (expected === null) {
      expect(position).toBeNull();
      return;
    }
    expect(position).not.toBeNull();
    const names = aging.book.customers.name;
    const byPosition = names.map((name, c) => [position![c]!, name] as const).sort((x, y) => x[0] - y[0]);
    expect(byPosition.map(([, name]) => name)).toEqual(expected);
  });

  it("gives -1 for a customer without an account", () => {
    const aging = ageBook(
      bookOf({
        invoices: [{ number: "I1", customer: "Acme", invoiceDate: "2026-09-01", amount: 100 }],
        customers: [{ name: "Acme" }, { name: "Idle" }],
      }),
      { asOf: 46326, basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "en-US" },
    );
    const idle = aging.book.customers.name.indexOf("Idle");
    expect(customerNameOrder(aging)![idle]).toBe(-1);
  });
});
