-- Access tokens of WeCom apps and OAs, shared by every process (reference §1, §6.1). The key is
-- host + corpid/appid + a hash of the secret; the secret itself is never stored.
CREATE TABLE wechat_tokens (
  cache_key text PRIMARY KEY,
  access_token text NOT NULL,
  -- When this process stops using the token: WeChat's expiry minus a safety margin.
  use_until timestamptz NOT NULL,
  refreshed_at timestamptz NOT NULL DEFAULT now()
);
