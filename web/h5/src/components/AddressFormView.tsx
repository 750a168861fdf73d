// The delivery address of a physical prize. Each field is checked as it is typed once it has been
// visited (and all of them on submit), with the server's own rules; the server's answer, should it
// still refuse, lands beside the same fields.
import { useRef, useState } from 'preact/hooks';
import { api, type ApiError } from '../lib/api.ts';
import { ADDRESS_FIELDS, ADDRESS_LABELS, addressErrors, serverAddressErrors, type AddressForm } from '../lib/address.ts';
import { participantToken } from '../lib/identity.ts';
import { invalidate } from '../lib/load.ts';

type Field = keyof AddressForm;
type Values = Record<Field, string>;

const INPUT: Record<Field, { autocomplete: string; placeholder: string; inputmode?: 'tel'; wide?: boolean }> = {
  name: { autocomplete: 'name', placeholder: '收货人姓名' },
  mobile: { autocomplete: 'tel', placeholder: '11 位手机号', inputmode: 'tel' },
  province: { autocomplete: 'address-level1', placeholder: '如 广东省' },
  city: { autocomplete: 'address-level2', placeholder: '如 深圳市' },
  district: { autocomplete: 'address-level3', placeholder: '如 南山区' },
  address: { autocomplete: 'street-address', placeholder: '街道、门牌号、小区楼栋等', wide: true },
};

const EMPTY: Values = { name: '', mobile: '', province: '', city: '', district: '', address: '' };

export function AddressFormView({ cid, tierNo, initial, onSaved }: { cid: number; tierNo: number; initial: AddressForm | null; onSaved: () => void }) {
  const [values, setValues] = useState<Values>(initial ? { ...initial } : EMPTY);
  const [touched, setTouched] = useState<Partial<Record<Field, boolean>>>({});
  const [serverErrors, setServerErrors] = useState<Partial<Record<Field, string>>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const errors = addressErrors(values);

  const set = (f: Field, v: string) => {
    setValues((old) => ({ ...old, [f]: v }));
    setServerErrors((old) => ({ ...old, [f]: undefined }));
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setTouched(Object.fromEntries(ADDRESS_FIELDS.map((f) => [f, true])));
    const first = ADDRESS_FIELDS.find((f) => errors[f]);
    if (first) {
      form.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      await api.post(`/api/h5/me/rewards/${tierNo}/address`, values, participantToken(cid));
      invalidate(`me:${cid}`);
      onSaved();
    } catch (err) {
      const e = err as ApiError;
      const byField = serverAddressErrors(e.fields);
      setServerErrors(byField);
      setFailure(Object.keys(byField).length ? null : e.code === 'network' ? '网络不太给力,请重试。' : e.status === 409 ? '奖品已发出,地址无法再修改。' : '提交失败,请稍后重试。');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form ref={form} class="form" onSubmit={submit} noValidate data-testid="address-form">
      <p class="form-intro">请填写收货信息,奖品将包邮寄出。信息仅用于本次奖品寄送。</p>
      <div class="form-grid">
        {ADDRESS_FIELDS.map((f) => {
          const error = serverErrors[f] ?? (touched[f] ? errors[f] : undefined);
          const id = `addr-${f}`;
          return (
            <div key={f} class={`field${INPUT[f].wide ? ' field-wide' : ''}${error ? ' has-error' : ''}`}>
              <label for={id}>{ADDRESS_LABELS[f]}</label>
              {f === 'address' ? (
                <textarea id={id} name={f} rows={2} value={values[f]} placeholder={INPUT[f].placeholder} autocomplete={INPUT[f].autocomplete}
                  aria-invalid={error ? 'true' : 'false'} aria-describedby={`${id}-error`}
                  onInput={(e) => set(f, e.currentTarget.value)} onBlur={() => setTouched((t) => ({ ...t, [f]: true }))} />
              ) : (
                <input id={id} name={f} type="text" value={values[f]} placeholder={INPUT[f].placeholder} autocomplete={INPUT[f].autocomplete}
                  inputMode={INPUT[f].inputmode} aria-invalid={error ? 'true' : 'false'} aria-describedby={`${id}-error`}
                  onInput={(e) => set(f, e.currentTarget.value)} onBlur={() => setTouched((t) => ({ ...t, [f]: true }))} />
              )}
              <p class="field-error" id={`${id}-error`} data-testid={`error-${f}`}>
                {error ?? ''}
              </p>
            </div>
          );
        })}
      </div>
      {failure && <p class="notice notice-warn" role="alert" data-testid="address-failed">{failure}</p>}
      <button type="submit" class="btn btn-primary btn-block btn-large" disabled={busy} data-testid="address-submit">
        {busy ? '正在提交…' : initial ? '保存修改' : '提交收货信息'}
      </button>
    </form>
  );
}
