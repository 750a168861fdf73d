-- The dashboard's trend by hour counts one Asia/Shanghai day of rows (get-campaign-hourly-stats.ts)
-- on the timestamps the day counters use. One partial index per metric, holding exactly the rows
-- it counts, lets it read only that day from the index (index-only once vacuumed), whatever the
-- campaign's size; without them every request read the whole campaign (1M participants, 5M helps).
CREATE INDEX participants_by_joined ON participants (campaign_id, joined_at);
CREATE INDEX participants_by_completed_at ON participants (campaign_id, completed_at) WHERE completed_tiers & 1 = 1;
CREATE INDEX campaign_friends_new_by_added ON campaign_friends (campaign_id, added_at) WHERE is_new_customer;
CREATE INDEX campaign_friends_new_by_lost ON campaign_friends (campaign_id, lost_at) WHERE is_new_customer AND lost_at IS NOT NULL;
CREATE INDEX helps_valid_by_time ON helps (campaign_id, created_at) WHERE status = 'valid';
