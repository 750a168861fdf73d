// Gender filter (seed 000 §3.1). The gender the operator set on the customer profile wins over the
// one WeChat reports; once someone took part in the campaign a later change no longer matters.

export type Gender = 'male' | 'female' | 'unknown';
export type GenderFilter = 'all' | 'male' | 'female';

export function effectiveGender(profileGender: Gender | null, wechatGender: Gender): Gender {
  return profileGender !== null && profileGender !== 'unknown' ? profileGender : wechatGender;
}

/** An unknown gender does not pass a male/female filter: the filter cannot be shown to hold. */
export function passesGenderFilter(filter: GenderFilter, gender: Gender, alreadyParticipated: boolean): boolean {
  return filter === 'all' || alreadyParticipated || gender === filter;
}
