-- The participants search matches any part of the nickname (operators type a fragment they saw,
-- often two Chinese characters), which a text_pattern_ops prefix index cannot serve.
DROP INDEX participants_by_nickname;
