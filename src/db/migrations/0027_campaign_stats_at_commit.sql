-- Campaign statistics, second version (replaces the trigger mechanics of 0026; the counters table,
-- metrics and keys stay the same, so existing counters remain right):
--
-- * Deadlock-free: row triggers only queue deltas in a per-session temp table; a deferred
--   constraint trigger adds them to the counters at commit, in one statement sorted by key. Every
--   transaction thus locks counter rows in the same order, and only while committing. Applying
--   deltas row by row (0026) deadlocked when two transactions touched shared counters in opposite
--   orders (a join then a help, and a help then a join).
-- * plpgsql instead of sql functions: plpgsql keeps statement plans for the session, where a
--   non-inlined sql function is planned again on every call (~2 ms per counted row).
-- * UPDATE triggers fire only when a counted column changed.
-- * rebuild_campaign_stats(campaign) recounts a campaign set-based, for bulk imports done with
--   triggers off and for repairs.
-- Plus two indexes for the participants list filters.

-- The INSERT/DELETE triggers keep 0026's names (<table>_stats): disabling one by name still stops
-- that table's counting (tests write drifted rows that way).
DROP TRIGGER participants_stats ON participants;
DROP TRIGGER helps_stats ON helps;
DROP TRIGGER campaign_friends_stats ON campaign_friends;
DROP TRIGGER rewards_stats ON rewards;
DROP FUNCTION count_campaign_stats();
DROP FUNCTION apply_campaign_stat_keys(bigint, campaign_stat_key[], campaign_stat_key[]);
DROP FUNCTION participant_stat_keys(participants);
DROP FUNCTION help_stat_keys(helps);
DROP FUNCTION friend_stat_keys(campaign_friends);
DROP FUNCTION reward_stat_keys(rewards);

-- Admin list filters: "completed tier n" (completed_tiers = ANY(masks with bit n)) and nickname prefix.
CREATE INDEX participants_by_completed ON participants (campaign_id, completed_tiers);
CREATE INDEX participants_by_nickname ON participants (campaign_id, lower(nickname) text_pattern_ops);

CREATE FUNCTION queue_campaign_stat_keys(p_campaign bigint, p_old campaign_stat_key[], p_new campaign_stat_key[]) RETURNS void
LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.campaign_stat_pending') IS NULL THEN
    -- No ON COMMIT DELETE ROWS: the flush always empties it before commit and a rollback drops
    -- what the transaction queued, while truncating at every commit is slow (PGlite above all).
    CREATE TEMP TABLE campaign_stat_pending (campaign_id bigint NOT NULL, metric text NOT NULL, day date NOT NULL, n integer NOT NULL);
  END IF;
  INSERT INTO campaign_stat_pending (campaign_id, metric, day, n)
  SELECT p_campaign, k.metric, (k.at AT TIME ZONE 'Asia/Shanghai')::date, -1 FROM unnest(p_old) k
  UNION ALL
  SELECT p_campaign, k.metric, (k.at AT TIME ZONE 'Asia/Shanghai')::date, 1 FROM unnest(p_new) k;
END $$;

-- Runs at commit; the first call moves everything queued, later ones find nothing.
CREATE FUNCTION flush_campaign_stats() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF to_regclass('pg_temp.campaign_stat_pending') IS NOT NULL THEN
    WITH moved AS (DELETE FROM campaign_stat_pending RETURNING *)
    INSERT INTO campaign_stat_counters AS c (campaign_id, metric, day, slot, n)
    SELECT m.campaign_id, m.metric, m.day, (pg_backend_pid() % 8)::smallint, sum(m.n)
    FROM moved m
    -- A campaign deleted meanwhile (cascade) took its counters with it: nothing to adjust.
    WHERE EXISTS (SELECT 1 FROM campaigns WHERE id = m.campaign_id)
    GROUP BY 1, 2, 3
    HAVING sum(m.n) <> 0
    ORDER BY 1, 2, 3
    ON CONFLICT (campaign_id, metric, day, slot) DO UPDATE SET n = c.n + EXCLUDED.n;
  END IF;
  RETURN NULL;
END $$;

-- participants: participants, completed (on the day tier 1 was first completed), funnel:<bucket>,
-- level:<n>, tier_completed:<n>.
CREATE FUNCTION participant_stat_keys(p participants) RETURNS campaign_stat_key[] LANGUAGE plpgsql IMMUTABLE AS $$
DECLARE
  keys campaign_stat_key[] := ARRAY[ROW('participants', p.joined_at), ROW('funnel:' || p.funnel, p.joined_at), ROW('level:' || p.level, p.joined_at)]::campaign_stat_key[];
BEGIN
  IF p.completed_tiers & 1 = 1 THEN keys := keys || ROW('completed', p.completed_at)::campaign_stat_key; END IF;
  FOR t IN 1..5 LOOP
    IF p.completed_tiers & (1 << (t - 1)) <> 0 THEN keys := keys || ROW('tier_completed:' || t, p.joined_at)::campaign_stat_key; END IF;
  END LOOP;
  RETURN keys;
END $$;

-- helps: helps:valid, helps:revoked, helps:invalid:<reason>, on the day of the attempt.
CREATE FUNCTION help_stat_keys(h helps) RETURNS campaign_stat_key[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN ARRAY[ROW('helps:' || h.status || coalesce(':' || h.invalid_reason, ''), h.created_at)::campaign_stat_key];
END $$;

-- campaign_friends: friends:new on the day added, friends:lost on the day lost (new customers only).
CREATE FUNCTION friend_stat_keys(f campaign_friends) RETURNS campaign_stat_key[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  IF NOT f.is_new_customer THEN RETURN '{}'; END IF;
  IF f.lost_at IS NULL THEN RETURN ARRAY[ROW('friends:new', f.added_at)::campaign_stat_key]; END IF;
  RETURN ARRAY[ROW('friends:new', f.added_at)::campaign_stat_key, ROW('friends:lost', f.lost_at)::campaign_stat_key];
END $$;

-- rewards: rewards:<status>:<tier>, on the day won.
CREATE FUNCTION reward_stat_keys(r rewards) RETURNS campaign_stat_key[] LANGUAGE plpgsql IMMUTABLE AS $$
BEGIN
  RETURN ARRAY[ROW('rewards:' || r.status || ':' || r.tier_no, r.created_at)::campaign_stat_key];
END $$;

CREATE FUNCTION count_campaign_stats() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  old_keys campaign_stat_key[] := '{}';
  new_keys campaign_stat_key[] := '{}';
  campaign bigint;
BEGIN
  -- plpgsql plans each branch only when taken, so each table reaches only its own keys function.
  IF TG_TABLE_NAME = 'participants' THEN
    IF TG_OP <> 'INSERT' THEN old_keys := participant_stat_keys(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN new_keys := participant_stat_keys(NEW); END IF;
  ELSIF TG_TABLE_NAME = 'helps' THEN
    IF TG_OP <> 'INSERT' THEN old_keys := help_stat_keys(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN new_keys := help_stat_keys(NEW); END IF;
  ELSIF TG_TABLE_NAME = 'campaign_friends' THEN
    IF TG_OP <> 'INSERT' THEN old_keys := friend_stat_keys(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN new_keys := friend_stat_keys(NEW); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN old_keys := reward_stat_keys(OLD); END IF;
    IF TG_OP <> 'DELETE' THEN new_keys := reward_stat_keys(NEW); END IF;
  END IF;
  IF TG_OP = 'DELETE' THEN campaign := OLD.campaign_id; ELSE campaign := NEW.campaign_id; END IF;
  PERFORM queue_campaign_stat_keys(campaign, old_keys, new_keys);
  RETURN NULL;
END $$;

-- UPDATE triggers fire only when a counted column really changed (most progress updates change
-- only valid_helps, which is not counted).

CREATE TRIGGER participants_stats AFTER INSERT OR DELETE ON participants FOR EACH ROW EXECUTE FUNCTION count_campaign_stats();
CREATE TRIGGER participants_stats_update AFTER UPDATE ON participants FOR EACH ROW
  WHEN ((OLD.joined_at, OLD.completed_at, OLD.completed_tiers, OLD.funnel, OLD.level) IS DISTINCT FROM (NEW.joined_at, NEW.completed_at, NEW.completed_tiers, NEW.funnel, NEW.level))
  EXECUTE FUNCTION count_campaign_stats();
CREATE CONSTRAINT TRIGGER participants_stats_flush AFTER INSERT OR DELETE ON participants DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION flush_campaign_stats();
CREATE CONSTRAINT TRIGGER participants_stats_flush_update AFTER UPDATE ON participants DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.joined_at, OLD.completed_at, OLD.completed_tiers, OLD.funnel, OLD.level) IS DISTINCT FROM (NEW.joined_at, NEW.completed_at, NEW.completed_tiers, NEW.funnel, NEW.level))
  EXECUTE FUNCTION flush_campaign_stats();

CREATE TRIGGER helps_stats AFTER INSERT OR DELETE ON helps FOR EACH ROW EXECUTE FUNCTION count_campaign_stats();
CREATE TRIGGER helps_stats_update AFTER UPDATE ON helps FOR EACH ROW
  WHEN ((OLD.status, OLD.invalid_reason, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.invalid_reason, NEW.created_at))
  EXECUTE FUNCTION count_campaign_stats();
CREATE CONSTRAINT TRIGGER helps_stats_flush AFTER INSERT OR DELETE ON helps DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION flush_campaign_stats();
CREATE CONSTRAINT TRIGGER helps_stats_flush_update AFTER UPDATE ON helps DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.status, OLD.invalid_reason, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.invalid_reason, NEW.created_at))
  EXECUTE FUNCTION flush_campaign_stats();

CREATE TRIGGER campaign_friends_stats AFTER INSERT OR DELETE ON campaign_friends FOR EACH ROW EXECUTE FUNCTION count_campaign_stats();
CREATE TRIGGER campaign_friends_stats_update AFTER UPDATE ON campaign_friends FOR EACH ROW
  WHEN ((OLD.is_new_customer, OLD.added_at, OLD.lost_at) IS DISTINCT FROM (NEW.is_new_customer, NEW.added_at, NEW.lost_at))
  EXECUTE FUNCTION count_campaign_stats();
CREATE CONSTRAINT TRIGGER campaign_friends_stats_flush AFTER INSERT OR DELETE ON campaign_friends DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION flush_campaign_stats();
CREATE CONSTRAINT TRIGGER campaign_friends_stats_flush_update AFTER UPDATE ON campaign_friends DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.is_new_customer, OLD.added_at, OLD.lost_at) IS DISTINCT FROM (NEW.is_new_customer, NEW.added_at, NEW.lost_at))
  EXECUTE FUNCTION flush_campaign_stats();

CREATE TRIGGER rewards_stats AFTER INSERT OR DELETE ON rewards FOR EACH ROW EXECUTE FUNCTION count_campaign_stats();
CREATE TRIGGER rewards_stats_update AFTER UPDATE ON rewards FOR EACH ROW
  WHEN ((OLD.status, OLD.tier_no, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.tier_no, NEW.created_at))
  EXECUTE FUNCTION count_campaign_stats();
CREATE CONSTRAINT TRIGGER rewards_stats_flush AFTER INSERT OR DELETE ON rewards DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION flush_campaign_stats();
CREATE CONSTRAINT TRIGGER rewards_stats_flush_update AFTER UPDATE ON rewards DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
  WHEN ((OLD.status, OLD.tier_no, OLD.created_at) IS DISTINCT FROM (NEW.status, NEW.tier_no, NEW.created_at))
  EXECUTE FUNCTION flush_campaign_stats();

-- Recounts one campaign from its rows, set-based, with the same keys: after a bulk import done with
-- triggers off (session_replication_role = replica), or to repair. Lock the campaign's rows first
-- if writers may be running.
CREATE FUNCTION rebuild_campaign_stats(p_campaign bigint) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM campaign_stat_counters WHERE campaign_id = p_campaign;
  INSERT INTO campaign_stat_counters (campaign_id, metric, day, slot, n)
  SELECT p_campaign, (k).metric, ((k).at AT TIME ZONE 'Asia/Shanghai')::date, 0, count(*)
  FROM (SELECT unnest(participant_stat_keys(p)) AS k FROM participants p WHERE p.campaign_id = p_campaign
        UNION ALL SELECT unnest(help_stat_keys(h)) FROM helps h WHERE h.campaign_id = p_campaign
        UNION ALL SELECT unnest(friend_stat_keys(f)) FROM campaign_friends f WHERE f.campaign_id = p_campaign
        UNION ALL SELECT unnest(reward_stat_keys(r)) FROM rewards r WHERE r.campaign_id = p_campaign) x
  GROUP BY 2, 3;
END $$;
