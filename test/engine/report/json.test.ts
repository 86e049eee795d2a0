import { ageBook } from "../../../src/engine/aging";
import { agingJsonIssue, toAgingJson } from "../../../src/engine/report/json";
import type { AgingOptions } from "../../../src/engine/types";
import { bookOf, serial } from "../builders";
import { acmeSpec, amountIssue } from "../examples";

const options: AgingOptions = { asOf: serial("2026-10-31"), basis: "due", boundaries: [30, 60, 90], autoApply: true, lang: "zh-CN" };

describe("agingJsonIssue", () => {
  it("writes where, what and why in the documented key order, without the cell address", () => {
    expect(JSON.stringify(agingJsonIssue(amountIssue))).toBe(
      '{"severity":"error","sheet":"Invoices","row":12,"column":"Amount","value":"abc","code":"amount.invalid","message":"金额无法识别：abc"}',
    );
  });
});

describe("toAgingJson", () => {
  it("writes exactly the documented shape for the issue's example (en-US bucket labels in any language)", () => {
    const json = toAgingJson(ageBook(bookOf({ ...acmeSpec, issues: [amountIssue] }), options));
    expect(json).toEqual({
      asOf: "2026-10-31",
      basis: "due",
      buckets: [
        { label: "Current", minDays: null, maxDays: 0 },
        { label: "1-30", minDays: 1, maxDays: 30 },
        { label: "31-60", minDays: 31, maxDays: 60 },
        { label: "61-90", minDays: 61, maxDays: 90 },
        { label: "90+", minDays: 91, maxDays: null },
      ],
      customers: [
        {
          customer: "Acme",
          currency: "USD",
          salesRep: "Li",
          creditLimit: 5000,
          buckets: [1000, 300, 0, 250, 0],
          open: 1550,
          unapplied: 0,
          net: 1550,
        },
      ],
      items: [
        {
          invoice: "INV-3",
          customer: "Acme",
          currency: "USD",
          invoiceDate: "2026-07-16",
          dueDate: "2026-08-15",
          amount: 250,
          applied: 0,
          open: 250,
          daysOverdue: 77,
          bucket: "61-90",
        },
        {
          invoice: "INV-2",
          customer: "Acme",
          currency: "USD",
          invoiceDate: "2026-09-01",
          dueDate: "2026-10-01",
          amount: 500,
          applied: 200,
          open: 300,
          daysOverdue: 30,
          bucket: "1-30",
        },
        {
          invoice: "INV-1",
          customer: "Acme",
          currency: "USD",
          invoiceDate: "2026-10-16",
          dueDate: "2026-11-15",
          amount: 1000,
          applied: 0,
          open: 1000,
          daysOverdue: -15,
          bucket: "Current",
        },
      ],
      totals: [{ currency: "USD", buckets: [1000, 300, 0, 250, 0], open: 1550, unapplied: 0, net: 1550 }],
      excluded: [{ kind: "payment", id: "PAY-9", reason: "after-as-of" }],
      issues: [
        {
          severity: "error",
          sheet: "Invoices",
          row: 12,
          column: "Amount",
          value: "abc",
          code: "amount.invalid",
          message: "金额无法识别：abc",
        },
      ],
    });
  });

  it("writes amounts in each currency's major units (JPY whole, BHD to the fils) and nulls for unknown rep and limit", () => {
    const json = toAgingJson(
      ageBook(
        bookOf({
          invoices: [
            { number: "J-1", customer: "Sato", invoiceDate: "2026-10-01", dueDate: "2026-10-31", amount: 123456, currency: "JPY" },
            { number: "B-1", customer: "Gulf", invoiceDate: "2026-10-01", dueDate: "2026-10-31", amount: 12.345, currency: "BHD" },
            { number: "U-1", customer: "Acme", invoiceDate: "2026-10-01", dueDate: "2026-10-31", amount: 0.1, currency: "USD" },
            { number: "U-2", customer: "Acme", invoiceDate: "2026-10-01", dueDate: "2026-10-31", amount: 0.2, currency: "USD" },
          ],
          payments: [{ reference: "P", customer: "Acme", date: "2026-10-02", amount: 0.45, invoiceNumber: null, currency: "USD" }],
        }),
        options,
      ),
    );
    expect(json.customers).toEqual([
      {
        customer: "Gulf",
        currency: "BHD",
        salesRep: null,
        creditLimit: null,
        buckets: [12.345, 0, 0, 0, 0],
        open: 12.345,
        unapplied: 0,
        net: 12.345,
      },
      {
        customer: "Sato",
        currency: "JPY",
        salesRep: null,
        creditLimit: null,
        buckets: [123456, 0, 0, 0, 0],
        open: 123456,
        unapplied: 0,
        net: 123456,
      },
      {
        customer: "Acme",
        currency: "USD",
        salesRep: null,
        creditLimit: null,
        buckets: [0, 0, 0, 0, 0],
        open: 0,
        unapplied: 0.15,
        net: -0.15,
      },
    ]);
    expect(json.totals.map((x) => [x.currency, x.open, x.unapplied])).toEqual([
      ["BHD", 12.345, 0],
      ["JPY", 123456, 0],
      ["USD", 0, 0.15],
    ]);
    expect(json.items.map((i) => i.invoice)).toEqual(["B-1", "J-1"]);
  });

  it("survives a JSON round trip unchanged (plain data only)", () => {
    const json = toAgingJson(ageBook(bookOf(acmeSpec), options));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
