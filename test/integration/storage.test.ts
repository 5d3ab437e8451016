import assert from "node:assert/strict";
import { test } from "node:test";
import { sql } from "kysely";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { dbOf, openStore } from "../../src/adapters/storage/store.ts";
import { startCopy } from "../../src/adapters/storage/copy-rows.ts";
import { err, ok } from "../../src/domain/common/result.ts";
import { forEachEngine } from "../helpers/engines.ts";

forEachEngine((engine) => {
  const count = () =>
    engine.store.read(async (tx) => {
      const row = await dbOf(tx)
        .selectFrom("elections")
        .select(sql<number>`count(*)::int`.as("n"))
        .executeTakeFirstOrThrow();
      return row.n;
    });
  const insert = (slug: string) => async (tx: Parameters<typeof dbOf>[0]) => {
    await dbOf(tx)
      .insertInto("elections")
      .values({ slug, title: `Election ${slug}`, definition: "{}" })
      .execute();
  };

  test("migrations run from empty and create the foundation tables", async () => {
    const tables = await engine.store.read(async (tx) => {
      const { rows } = await sql<{ table_name: string }>`
        select table_name from information_schema.tables where table_schema = 'public' order by table_name`.execute(
        dbOf(tx),
      );
      return rows.map((r) => r.table_name);
    });
    for (const t of ["elections", "record", "audit_log", "kysely_migration"])
      assert.ok(tables.includes(t), `missing ${t}`);
  });

  test("a streamed COPY stores every chunk written; a bad row fails it and leaves nothing behind", async () => {
    const probeCount = () =>
      engine.store.read(async (tx) => {
        const { rows } = await sql<{ n: number }>`select count(*)::int as n from copy_probe`.execute(
          dbOf(tx),
        );
        return rows[0]!.n;
      });
    const chunk = (from: number, day = "2016-01-12"): string =>
      Array.from({ length: 100 }, (_, i) => `${from + i}\t${day}\n`).join("");
    await engine.store.transaction(async (tx) => {
      await sql`create table copy_probe (n integer primary key, d date not null)`.execute(dbOf(tx));
      return ok(undefined);
    });
    await engine.store.transaction(async (tx) => {
      const copy = startCopy(tx, "copy_probe", ["n", "d"]);
      for (let c = 0; c < 30; c++) await copy.write(chunk(c * 100));
      await copy.end();
      return ok(undefined);
    });
    assert.equal(await probeCount(), 3000);
    await assert.rejects(
      engine.store.transaction(async (tx) => {
        const copy = startCopy(tx, "copy_probe", ["n", "d"]);
        try {
          await copy.write(chunk(10_000));
          await copy.write(chunk(10_100, "2016-13-01"));
          // The database may report the bad row only after later chunks went; the writer then refuses.
          for (let c = 2; c < 30; c++) await copy.write(chunk(10_000 + c * 100));
        } finally {
          await copy.end();
        }
        return ok(undefined);
      }),
      /date/,
    );
    assert.equal(await probeCount(), 3000);
  });

  test("a transaction whose work returns Ok commits", async () => {
    const before = await count();
    const result = await engine.store.transaction(async (tx) => {
      await insert("commits")(tx);
      return ok("done");
    });
    assert.deepEqual(result, ok("done"));
    assert.equal(await count(), before + 1);
  });

  test("a transaction whose work returns Err rolls back and returns the Err", async () => {
    const before = await count();
    const result = await engine.store.transaction(async (tx) => {
      await insert("rolled-back")(tx);
      return err("nope");
    });
    assert.deepEqual(result, err("nope"));
    assert.equal(await count(), before);
  });

  test("a transaction whose work throws rolls back and rethrows", async () => {
    const before = await count();
    await assert.rejects(
      engine.store.transaction(async (tx) => {
        await insert("thrown")(tx);
        throw new Error("bug");
      }),
      /bug/,
    );
    assert.equal(await count(), before);
  });

  test("calling the store inside a transaction is refused at once instead of deadlocking", async () => {
    await assert.rejects(
      engine.store.transaction(async () => {
        await engine.store.read(async () => 1);
        return ok(undefined);
      }),
      /inside another transaction/,
    );
  });

  test("a tx kept after its transaction ended cannot be used", async () => {
    let kept: Parameters<typeof dbOf>[0] | undefined;
    await engine.store.read(async (tx) => {
      kept = tx;
    });
    assert.throws(() => dbOf(kept!), /transaction has ended/);
  });

  test("a read transaction cannot write", async () => {
    await assert.rejects(engine.store.read(insert("read-only")), /read-only/);
  });

  test("committed rows survive closing and reopening", async () => {
    await engine.store.transaction(async (tx) => {
      await insert("survives")(tx);
      return ok(undefined);
    });
    const n = await count();
    await engine.reopen();
    assert.equal(await count(), n);
  });

  test("a serializable transaction that conflicts is retried and both writers succeed", async () => {
    await engine.store.transaction(async (tx) => {
      await insert("counter")(tx);
      return ok(undefined);
    });
    // Two read-modify-write transactions on one row: under serializable one fails and is retried.
    const bump = () =>
      engine.store.transaction(
        async (tx) => {
          const db = dbOf(tx);
          const row = await db
            .selectFrom("elections")
            .select("title")
            .where("slug", "=", "counter")
            .executeTakeFirstOrThrow();
          const n = Number(row.title.split(" ").pop() ?? "0") || 0;
          await new Promise((r) => setTimeout(r, 20));
          await db
            .updateTable("elections")
            .set({ title: `count ${n + 1}` })
            .where("slug", "=", "counter")
            .execute();
          return ok(undefined);
        },
        { isolation: "serializable" },
      );
    await Promise.all([bump(), bump()]);
    const title = await engine.store.read(
      async (tx) =>
        (
          await dbOf(tx)
            .selectFrom("elections")
            .select("title")
            .where("slug", "=", "counter")
            .executeTakeFirstOrThrow()
        ).title,
    );
    assert.equal(title, "count 2");
  });
});

forEachEngine((engine) => {
  test("election slugs follow the domain's rule: 64 characters pass, capitals and double hyphens do not", async () => {
    const long = `a${"-b".repeat(31)}x`;
    assert.equal(long.length, 64);
    const made = await engine.store.transaction(async (tx) => {
      await dbOf(tx).insertInto("elections").values({ slug: long, title: "t", definition: "{}" }).execute();
      return ok(undefined);
    });
    assert.ok(made.ok);
    for (const bad of ["Leader-2016", "leader--2016", "-leader", `${long}y`]) {
      await assert.rejects(
        engine.store.transaction(async (tx) => {
          await dbOf(tx)
            .insertInto("elections")
            .values({ slug: bad, title: "t", definition: "{}" })
            .execute();
          return ok(undefined);
        }),
        /elections_slug_check/,
        bad,
      );
    }
  });
});

forEachEngine((engine) => {
  test("calendar dates read back as the same YYYY-MM-DD text, instants as Dates", async () => {
    const row = await engine.store.read(async (tx) => {
      const { rows } = await sql<{ d: unknown; t: unknown }>`
        select date '2016-01-12' as d, timestamptz '2016-01-12T00:30:00Z' as t`.execute(dbOf(tx));
      return rows[0]!;
    });
    assert.equal(row.d, "2016-01-12");
    assert.ok(row.t instanceof Date && row.t.toISOString() === "2016-01-12T00:30:00.000Z");
  });
});

test("PGlite opened with a bigger page cache uses it, and its data opens again with the default", async () => {
  const dataDir = await mkdtemp(join(tmpdir(), "selectorate-buffers-"));
  try {
    const shown = async (sharedBuffers?: string) => {
      const opened = await openStore(sharedBuffers ? { dataDir, sharedBuffers } : { dataDir });
      assert.ok(opened.ok);
      try {
        return await opened.value.read(async (tx) => {
          const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(dbOf(tx));
          return rows[0]!.shared_buffers;
        });
      } finally {
        await opened.value.close();
      }
    };
    assert.equal(await shown("256MB"), "256MB");
    assert.equal(await shown(), "128MB");
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
