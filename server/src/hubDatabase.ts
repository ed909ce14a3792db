// The hub's database: PostgreSQL, either a real server (DATABASE_URL, through node-postgres) or, with
// nothing configured, PGlite — PostgreSQL compiled to WebAssembly — in a data folder, so the hub runs
// on a fresh machine with nothing else installed. Both answer the same SQL through one small
// interface, and the versioned migration files in server/migrations run at start, each once.
import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

export interface HubSql {
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: T[] }>;
}

export interface HubDatabase extends HubSql {
  /** Runs `work` in one transaction: all of it is stored, or on any error none. */
  transaction<T>(work: (sql: HubSql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
  readonly engine: 'pglite' | 'postgresql';
}

/** PGlite in `dataDir` (a folder it creates), or in memory when none is given (tests). */
export async function openPglite(dataDir?: string): Promise<HubDatabase> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const db = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
  return {
    engine: 'pglite',
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await db.query<T>(sql, params)).rows }),
    transaction: (work) => db.transaction((tx) => work({ query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await tx.query<T>(sql, params)).rows }) })),
    close: () => db.close(),
  };
}

/** A PostgreSQL server at `url` (postgres://user:pass@host:5432/db). */
export async function openPostgres(url: string): Promise<HubDatabase> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server dropped (a restart, a failover) is replaced on the next query; it
  // must not take the hub down.
  pool.on('error', (error) => console.error('hub: PostgreSQL 连接中断：', error.message));
  // BIGINT (the change sequence) as a JavaScript number: sequences stay far below 2^53.
  pg.types.setTypeParser(20, (value) => Number(value));
  await pool.query('SELECT 1');
  return {
    engine: 'postgresql',
    query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await pool.query(sql, params)).rows as T[] }),
    transaction: async (work) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work({ query: async <T>(sql: string, params?: unknown[]) => ({ rows: (await client.query(sql, params)).rows as T[] }) });
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'migrations');

/**
 * Runs the migration files not yet run (`NNN_name.sql`, in order), each in its own transaction with
 * its number recorded; returns the numbers it ran.
 */
export async function migrate(db: HubDatabase, dir = migrationsDir): Promise<number[]> {
  await db.query('CREATE TABLE IF NOT EXISTS hub_migrations (version integer PRIMARY KEY, name text NOT NULL, run_at timestamptz NOT NULL DEFAULT now())');
  const done = new Set((await db.query<{ version: number }>('SELECT version FROM hub_migrations')).rows.map((r) => Number(r.version)));
  const files = (await readdir(dir)).filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f)).sort();
  const ran: number[] = [];
  for (const file of files) {
    const version = Number(file.slice(0, 3));
    if (done.has(version)) continue;
    const text = await readFile(path.join(dir, file), 'utf8');
    await db.transaction(async (sql) => {
      // Statements one by one: node-postgres takes several at once only without parameters, PGlite's
      // query one at a time; the files hold no semicolon inside a statement.
      for (const statement of splitStatements(text)) await sql.query(statement);
      await sql.query('INSERT INTO hub_migrations (version, name) VALUES ($1, $2)', [version, file]);
    });
    ran.push(version);
  }
  return ran;
}

/** A migration file's statements: comments dropped, split at semicolons that end a line. */
export function splitStatements(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.replace(/--.*$/, ''))
    .join('\n')
    .split(/;\s*(?:\n|$)/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
