import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseAddressForm, type AddressForm } from './address-form.ts';

const valid: AddressForm = {
  name: '张三',
  mobile: '13800138000',
  province: '浙江省',
  city: '杭州市',
  district: '西湖区',
  address: '文三路 100 号 2 幢',
};

function errorsOf(input: unknown) {
  const r = parseAddressForm(input);
  assert.equal(r.ok, false, 'expected errors');
  return r.ok ? [] : r.errors.map((e) => ({ path: e.path, code: e.code, ...(e.params ? { params: e.params } : {}) }));
}

describe('parseAddressForm', () => {
  it('accepts a complete form and trims it', () => {
    const r = parseAddressForm({ ...valid, name: '  张三 ', address: ' 文三路\n100 号\t2 幢 ' });
    assert.deepEqual(r, { ok: true, value: { ...valid, address: '文三路 100 号 2 幢' } });
  });

  it('ignores extra fields', () => {
    const r = parseAddressForm({ ...valid, note: 'x' });
    assert.deepEqual(r, { ok: true, value: valid });
  });

  it('reports every missing field in form order', () => {
    assert.deepEqual(errorsOf({}).map((e) => `${e.path}:${e.code}`), [
      'name:required', 'mobile:required', 'province:required', 'city:required', 'district:required', 'address:required',
    ]);
    assert.equal(errorsOf(null).length, 6);
  });

  it('treats blank text as missing', () => {
    assert.deepEqual(errorsOf({ ...valid, name: '   ', city: '' }), [
      { path: 'name', code: 'required' },
      { path: 'city', code: 'required' },
    ]);
  });

  it('rejects non-text values', () => {
    assert.deepEqual(errorsOf({ ...valid, mobile: 13800138000 }), [{ path: 'mobile', code: 'invalid_type' }]);
  });

  it('counts characters, so 20 汉字 fit in a name but 21 do not', () => {
    assert.equal(parseAddressForm({ ...valid, name: '张'.repeat(20) }).ok, true);
    assert.deepEqual(errorsOf({ ...valid, name: '张'.repeat(21) }), [{ path: 'name', code: 'too_long', params: { max: 20 } }]);
  });

  it('bounds province, city and district at 20 characters', () => {
    for (const field of ['province', 'city', 'district'] as const) {
      assert.equal(parseAddressForm({ ...valid, [field]: 'x'.repeat(20) }).ok, true);
      assert.deepEqual(errorsOf({ ...valid, [field]: 'x'.repeat(21) }), [{ path: field, code: 'too_long', params: { max: 20 } }]);
    }
  });

  it('bounds the address line at 5..120 characters', () => {
    assert.equal(parseAddressForm({ ...valid, address: '一二三四五' }).ok, true);
    assert.equal(parseAddressForm({ ...valid, address: 'a'.repeat(120) }).ok, true);
    assert.deepEqual(errorsOf({ ...valid, address: '一二三四' }), [{ path: 'address', code: 'too_short', params: { min: 5 } }]);
    assert.deepEqual(errorsOf({ ...valid, address: 'a'.repeat(121) }), [{ path: 'address', code: 'too_long', params: { max: 120 } }]);
  });

  it('accepts mainland mobiles written with spaces, dashes or +86', () => {
    for (const mobile of ['138 0013 8000', '138-0013-8000', '+86 13800138000', '008613800138000']) {
      const r = parseAddressForm({ ...valid, mobile });
      assert.equal(r.ok && r.value.mobile, '13800138000', mobile);
    }
    assert.equal(parseAddressForm({ ...valid, mobile: '19912345678' }).ok, true);
  });

  it('rejects numbers that are not mainland mobiles', () => {
    for (const mobile of ['12800138000', '1380013800', '138001380001', '23800138000', '1380013800a', '+85213800138000', '010-12345678']) {
      assert.deepEqual(errorsOf({ ...valid, mobile }), [{ path: 'mobile', code: 'invalid_mobile' }], mobile);
    }
  });

  it('rejects control characters', () => {
    assert.deepEqual(errorsOf({ ...valid, name: '张\u0000三' }), [{ path: 'name', code: 'invalid_chars' }]);
  });

  it('gives every error an English message naming the field', () => {
    const r = parseAddressForm({ ...valid, name: '' });
    assert.equal(!r.ok && r.errors[0]?.message, 'name is required');
  });
});
