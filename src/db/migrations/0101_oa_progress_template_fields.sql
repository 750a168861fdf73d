-- Which field of the OA progress template shows what (thing1=activity character_string2=progress …),
-- for templates from WeChat's current library; NULL: the classic first / keyword1 / keyword2 / remark.
ALTER TABLE workspaces ADD COLUMN oa_progress_template_fields text;
