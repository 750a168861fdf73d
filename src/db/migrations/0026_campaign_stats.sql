-- Live campaign statistics as counters kept by triggers, in the same transaction as the rows they
-- count, so they can never drift from the rows whoever writes them (use cases, seeders, a psql
-- fix). The dashboard sums a few hundred counter rows instead of scanning millions of participants
-- and helps.
--
-- Every counted row contributes +1 to a set of (metric, Asia/Shanghai day) keys; an UPDATE moves
-- its contributions from the old keys to the new, a DELETE takes them back. State metrics (funnel,
-- level, completed tiers…) are filed under the day the row was created, so summing all days gives
-- the current distribution. Each transaction writes to one of 8 slots (by backend pid), so
-- concurrent transactions on one campaign rarely wait on the same counter row; readers sum slots.
CREATE TABLE campaign_stat_counters (
  campaign_id bigint NOT NULL REFERENCES campaigns(id) ON DELETE CASCADE,
  metric text NOT NULL,
  day date NOT NULL,
  slot smallint NOT NULL,
  n bigint NOT NULL,
  PRIMARY KEY (campaign_id, metric, day, slot)
);

CREATE TYPE campaign_stat_key AS (metric text, at timestamptz);

CREATE FUNCTION apply_campaign_stat_keys(p_campaign bigint, p_old campaign_stat_key[], p_new campaign_stat_key[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO campaign_stat_counters AS c (campaign_id, metric, day, slot, n)
  SELECT p_campaign, d.metric, (d.at AT TIME ZONE 'Asia/Shanghai')::date, (pg_backend_pid() % 8)::smallint, sum(d.delta)
  FROM (SELECT k.metric, k.at, -1 AS delta FROM unnest(p_old) k
        UNION ALL
        SELECT k.metric, k.at, 1 FROM unnest(p_new) k) d
  -- A campaign row being deleted (cascade) takes its counters with it: nothing to adjust.
  WHERE EXISTS (SELECT 1 FROM campaigns WHERE id = p_campaign)
  GROUP BY 2, 3
  HAVING sum(d.delta) <> 0
  ORDER BY 2, 3
  ON CONFLICT (campaign_id, metric, day, slot) DO UPDATE SET n = c.n + EXCLUDED.n
$$;

-- participants: participants, completed (on the day tier 1 was first completed), funnel:<bucket>,
-- level:<n>, tier_completed:<n>.
CREATE FUNCTION participant_stat_keys(p participants) RETURNS campaign_stat_key[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[ROW('participants', p.joined_at)::campaign_stat_key,
               ROW('funnel:' || p.funnel, p.joined_at)::campaign_stat_key,
               ROW('level:' || p.level, p.joined_at)::campaign_stat_key]
      || CASE WHEN p.completed_tiers & 1 = 1 THEN ARRAY[ROW('completed', p.completed_at)::campaign_stat_key] ELSE '{}' END
      || ARRAY(SELECT ROW('tier_completed:' || t, p.joined_at)::campaign_stat_key
               FROM generate_series(1, 5) t WHERE p.completed_tiers & (1 << (t - 1)) <> 0)
$$;

-- helps: helps:valid, helps:revoked, helps:invalid:<reason>, on the day of the attempt.
CREATE FUNCTION help_stat_keys(h helps) RETURNS campaign_stat_key[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[ROW('helps:' || h.status || coalesce(':' || h.invalid_reason, ''), h.created_at)::campaign_stat_key]
$$;

-- campaign_friends: friends:new on the day added, friends:lost on the day lost (new customers only).
CREATE FUNCTION friend_stat_keys(f campaign_friends) RETURNS campaign_stat_key[] LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN NOT f.is_new_customer THEN '{}'::campaign_stat_key[]
              WHEN f.lost_at IS NULL THEN ARRAY[ROW('friends:new', f.added_at)::campaign_stat_key]
              ELSE ARRAY[ROW('friends:new', f.added_at)::campaign_stat_key, ROW('friends:lost', f.lost_at)::campaign_stat_key] END
$$;

-- rewards: rewards:<status>:<tier>, on the day won.
CREATE FUNCTION reward_stat_keys(r rewards) RETURNS campaign_stat_key[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[ROW('rewards:' || r.status || ':' || r.tier_no, r.created_at)::campaign_stat_key]
$$;

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
  PERFORM apply_campaign_stat_keys(campaign, old_keys, new_keys);
  RETURN NULL;
END $$;

CREATE TRIGGER participants_stats AFTER INSERT OR DELETE OR UPDATE OF joined_at, completed_at, completed_tiers, funnel, level
  ON participants FOR EACH ROW EXECUTE FUNCTION count_campaign_stats();
CREATE TRIGGER helps_stats AFTER INSERT OR DELETE OR UPDATE OF status, invalid_reason, created_at
  ON helps FOR EACH ROW EXECUTE FUNCTION count_campaign_stats();
CREATE TRIGGER campaign_friends_stats AFTER INSERT OR DELETE OR UPDATE OF is_new_customer, added_at, lost_at
  ON campaign_friends FOR EACH ROW EXECUTE FUNCTION count_campaign_stats();
CREATE TRIGGER rewards_stats AFTER INSERT OR DELETE OR UPDATE OF status, tier_no, created_at
  ON rewards FOR EACH ROW EXECUTE FUNCTION count_campaign_stats();
