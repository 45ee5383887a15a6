import { describe, expect, it } from "vitest";
import { cachedJson, JsonText, stringify } from "./json-text.ts";

describe("stringify", () => {
  it("writes JsonText values as their text, exactly where JSON.stringify would write the value", () => {
    const events = [{ id: "a", title: 'quote " and \u0000 nul' }, { id: "b", n: [1, 2] }];
    const body = { status: "ok", events: events.map((e) => new JsonText(JSON.stringify(e))), meta: { total: 2, note: "\u0000x:0" } };
    expect(stringify(body)).toBe(JSON.stringify({ status: "ok", events, meta: { total: 2, note: "\u0000x:0" } }));
  });

  it("splices many JsonText values, nested at any depth, each in its own place", () => {
    const values = Array.from({ length: 50 }, (_, i) => ({ i, text: `"${i}"` }));
    const body = { a: values.slice(0, 10).map((v) => new JsonText(JSON.stringify(v))), b: { c: values.slice(10).map((v) => ({ v: new JsonText(JSON.stringify(v)), n: v.i })) } };
    const expected = { a: values.slice(0, 10), b: { c: values.slice(10).map((v) => ({ v, n: v.i })) } };
    expect(stringify(body)).toBe(JSON.stringify(expected));
  });

  it("is JSON.stringify when there is no JsonText", () => {
    expect(stringify({ a: [1, "x"], b: null })).toBe('{"a":[1,"x"],"b":null}');
  });

  it("makes the JSON of one owner once per variant", () => {
    const owner = {};
    let made = 0;
    const make = () => ({ made: ++made });
    expect(cachedJson(owner, "full", make).text).toBe('{"made":1}');
    expect(cachedJson(owner, "full", make).text).toBe('{"made":1}');
    expect(cachedJson(owner, "busy", make).text).toBe('{"made":2}');
  });

  it("keeps JSON made of kept JSON (a page of events) as one text, and at most maxVariants of them", () => {
    const window = Object.freeze([{ id: 1 }, { id: 2 }, { id: 3 }]);
    let made = 0;
    const page = (offset: number) => () => (made++, window.slice(offset, offset + 2).map((e) => cachedJson(e, "full", () => e)));
    expect(cachedJson(window, "0", page(0), 2).text).toBe('[{"id":1},{"id":2}]');
    expect(cachedJson(window, "1", page(1), 2).text).toBe('[{"id":2},{"id":3}]');
    expect(cachedJson(window, "2", page(2), 2).text).toBe('[{"id":3}]');
    expect(cachedJson(window, "2", page(2), 2).text).toBe('[{"id":3}]');
    expect(made).toBe(4); // pages 0 and 1 kept; page 2, past the bound, made each time
    expect(cachedJson(window, "0", page(0), 2).text).toBe('[{"id":1},{"id":2}]');
    expect(made).toBe(4);
    expect(stringify({ events: cachedJson(window, "1", page(1), 2), meta: { total: 3 } })).toBe('{"events":[{"id":2},{"id":3}],"meta":{"total":3}}');
  });
});
