import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CLASSIC_FIELDS, fitField, parseTemplateFields, progressNotice } from './progress-notice.ts';

const tiers = [{ target: 2, rewardName: '保温杯' }, { target: 5, rewardName: '到店体验课' }];

test('a help below the next tier: who helped, the count against the next target, how many more', () => {
  const d = progressNotice({ campaignName: '新人邀请有礼', helperNickname: '小林', count: 1, tiers, reachedTierNos: [], wonTierNos: [] });
  assert.deepEqual(d, {
    first: { value: '好友「小林」为你助力成功' },
    keyword1: { value: '新人邀请有礼' },
    keyword2: { value: '1/2' },
    remark: { value: '再邀请 1 位好友即可获得「保温杯」，点击详情查看。' },
  });
});

test('the help that completes a tier says so and names the reserved prize; progress points at the next tier', () => {
  const d = progressNotice({ campaignName: 'c', helperNickname: 'x', count: 2, tiers, reachedTierNos: [1], wonTierNos: [1] });
  assert.equal(d.first!.value, '恭喜！你已完成第1阶任务');
  assert.equal(d.keyword2!.value, '2/5');
  assert.equal(d.remark!.value, '奖品「保温杯」已为你预留，点击详情领取。');
  const last = progressNotice({ campaignName: 'c', helperNickname: 'x', count: 5, tiers, reachedTierNos: [2], wonTierNos: [1, 2] });
  assert.deepEqual([last.first!.value, last.keyword2!.value], ['恭喜！你已完成第2阶任务', '5/5']);
});

test('past every tier (or a tier sold out and skipped): the count against the last target', () => {
  const d = progressNotice({ campaignName: 'c', helperNickname: 'x', count: 6, tiers, reachedTierNos: [], wonTierNos: [1, 2] });
  assert.deepEqual([d.keyword2!.value, d.remark!.value], ['6/5', '点击详情查看你的活动。']);
});

test('long or empty nicknames and names are cut to what WeChat shows, by character', () => {
  const d = progressNotice({ campaignName: '一二三四五六七八九十一二三四五六七八九十一二', helperNickname: '😀😀😀😀😀😀😀😀😀😀😀😀', count: 1, tiers, reachedTierNos: [], wonTierNos: [] });
  assert.equal(d.first!.value, `好友「${'😀'.repeat(10)}…」为你助力成功`);
  assert.equal(d.keyword1!.value, `${'一二三四五六七八九十'.repeat(2)}…`);
  assert.equal(progressNotice({ campaignName: 'c', helperNickname: ' ', count: 1, tiers, reachedTierNos: [], wonTierNos: [] }).first!.value, '好友「微信用户」为你助力成功');
});

test('a template from the current library: each mapped field gets its value, cut to what its type accepts', () => {
  const parsed = parseTemplateFields('thing1=activity, character_string2=progress\nthing3=next phrase4=status name5=helper thing6=reward');
  assert.ok(parsed.ok);
  const d = progressNotice({ campaignName: '一二三四五六七八九十一二三四五六七八九十一二', helperNickname: '小林同学的朋友们都在这里呀', count: 1, tiers, reachedTierNos: [], wonTierNos: [] }, parsed.fields);
  assert.deepEqual(Object.keys(d), ['thing1', 'character_string2', 'thing3', 'phrase4', 'name5', 'thing6']);
  assert.equal(d.thing1!.value, `${'一二三四五六七八九十'}${'一二三四五六七八九'}…`, 'thing: 20 characters at most');
  assert.equal(Array.from(d.thing1!.value).length, 20);
  assert.equal(d.character_string2!.value, '1/2');
  assert.equal(d.thing3!.value, '再邀请 1 位好友即可获得「保温杯」，…');
  assert.equal(d.phrase4!.value, '好友「小林');
  assert.equal(d.name5!.value, '小林同学的朋友们都在');
  assert.equal(d.thing6!.value, '保温杯', 'the next prize');
  // A tier just completed: the prize it reserved.
  assert.equal(progressNotice({ campaignName: 'c', helperNickname: 'x', count: 2, tiers, reachedTierNos: [1], wonTierNos: [1] }, parsed.fields).thing6!.value, '保温杯');
});

test('character_string fields keep letters, digits and symbols only', () => {
  assert.equal(fitField('character_string9', '第 3/5 位 ok'), '3/5ok');
  assert.equal(fitField('character_string1', 'x'.repeat(40)).length, 32);
});

test('the field mapping: bad entries are named, values must be known, no field twice', () => {
  assert.deepEqual(parseTemplateFields('first=status keyword1=activity keyword2=progress remark=next'), { ok: true, fields: CLASSIC_FIELDS });
  const bad = (text: string) => {
    const r = parseTemplateFields(text);
    assert.equal(r.ok, false, text);
    return (r as { error: string }).error;
  };
  assert.match(bad(''), /no field/);
  assert.match(bad('thing1 activity'), /"thing1" is not field=value/);
  assert.match(bad('thing1=nickname'), /nickname is not one of status, activity, progress, helper, reward, next/);
  assert.match(bad('thing1=activity thing1=next'), /thing1 is given twice/);
  assert.match(bad('thing1.DATA=activity'), /not field=value/);
  assert.match(bad(Array.from({ length: 11 }, (_, i) => `thing${i}=activity`).join(' ')), /at most 10/);
});
