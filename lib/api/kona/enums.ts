// Kona's integer enums, derived from the one table per vocabulary in lib/domain/enums.ts.
// Pure (no I/O) so the tables' round-trip test can use exactly what the handlers use.
import {
  KONA_STATUS_NAMES,
  PARTICIPANT_ROLE,
  STAKEHOLDER,
  STATUS,
  VISIBILITY,
  keysByCode,
  type ParticipantRole,
  type Stakeholder,
  type StoredStatus,
  type Visibility,
} from "../../domain/enums.ts";

export interface KonaEnum<K extends string> {
  /** The Kona code shown for a stored value. */
  code(stored: K): number;
  /** The stored value a Kona client means by a code or a name; undefined when it names nothing. */
  parse(value: number | string): K | undefined;
  /** The codes and names a client may send (for messages and docs). */
  codes: readonly number[];
  names: readonly string[];
}

function konaEnum<K extends string>(
  table: Record<K, { kona: number }>,
  names: Record<string, K>,
): KonaEnum<K> {
  const byCode = keysByCode(table as Record<K, Record<string, unknown>>, "kona") as Map<unknown, K>;
  return {
    code: (stored) => table[stored].kona,
    parse(value) {
      if (typeof value === "number") return byCode.get(value);
      const text = value.trim();
      if (/^\d+$/.test(text)) return byCode.get(Number(text));
      return Object.hasOwn(names, text) ? names[text] : undefined;
    },
    codes: [...byCode.keys()] as number[],
    names: Object.keys(names),
  };
}

const identity = <K extends string>(keys: readonly K[]): Record<string, K> => Object.fromEntries(keys.map((k) => [k, k]));

/** Kona status: a Kona write stores the Kona name (0 → pending); reads show each stored value's code. */
export const konaStatus = konaEnum<StoredStatus>(STATUS, identity(KONA_STATUS_NAMES));

/** Kona visibility: participants_only 1 ↔ private, public 2 ↔ public; busy reads as 1. */
export const konaVisibility = konaEnum<Visibility>(VISIBILITY, Object.fromEntries(keysByCode(VISIBILITY, "konaName")) as Record<string, Visibility>);

export const konaStakeholder = konaEnum<Stakeholder>(STAKEHOLDER, identity(Object.keys(STAKEHOLDER) as Stakeholder[]));

export const konaDefaultRole = konaEnum<ParticipantRole>(PARTICIPANT_ROLE, identity(Object.keys(PARTICIPANT_ROLE) as ParticipantRole[]));
