-- The participants search matches any fragment of a nickname, case-insensitively; operators type a
-- fragment they saw, often two Chinese characters. Trigram indexes (pg_trgm) need three characters
-- and an extension, so instead a GIN index over each nickname's lower-cased characters and
-- character pairs, keyed by campaign ('42:王', '42:王小'): a fragment's pairs (its character, when
-- it has one) must all be in a matching nickname's array, so the index finds the candidates and
-- ILIKE confirms them. Stock PostgreSQL and PGlite, no extension. Keyed by campaign so a fragment
-- frequent in other campaigns costs this one nothing (and the index shards with the table).

-- plpgsql, not sql: a non-inlinable sql function is planned again on every call.
CREATE FUNCTION nickname_grams(campaign bigint, nickname text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s text := lower(nickname);
  n integer := char_length(s);
  p text := campaign::text || ':';
  grams text[] := '{}';
BEGIN
  FOR i IN 1..n LOOP
    grams := grams || (p || substr(s, i, 1));
    IF i < n THEN grams := grams || (p || substr(s, i, 2)); END IF;
  END LOOP;
  RETURN grams;
END $$;

-- What a search fragment requires of nickname_grams: its pairs, or its one character.
CREATE FUNCTION nickname_fragment_grams(campaign bigint, fragment text) RETURNS text[]
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $$
DECLARE
  s text := lower(fragment);
  n integer := char_length(s);
  p text := campaign::text || ':';
  grams text[] := '{}';
BEGIN
  IF n = 1 THEN RETURN ARRAY[p || s]; END IF;
  FOR i IN 1..n - 1 LOOP
    grams := grams || (p || substr(s, i, 2));
  END LOOP;
  RETURN grams;
END $$;

CREATE INDEX participants_nickname_grams ON participants USING gin (nickname_grams(campaign_id, nickname)) WITH (gin_pending_list_limit = 256);
