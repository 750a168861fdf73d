-- The OA's domain verification file (MP_verify_<code>.txt, whose content is <code>): WeChat fetches
-- it from the root of the web-OAuth domain before accepting the domain, so Fission serves it.
ALTER TABLE workspaces ADD COLUMN oa_verify_file text;
