// Nicknames as WeChat users really pick them, including the ones that break naive code: emoji,
// very long names, markup and quotes.
import type { Rng } from '../rng.ts';

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '罗', '高'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '丽', '强', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '小雨', '子涵', '浩然', '欣怡', '梓萱', '一诺'];
const STYLISH = ['阳光明媚', '简单就好', '岁月静好', '追风少年', '快乐每一天', '半夏', '一只小猫咪', '奋斗ing', '平安喜乐', '知足常乐'];
const LATIN = ['Amy', 'Jason', 'Kevin', 'Lily', 'Tony', 'Coco', 'Vicky', 'Leo', 'Sunny', 'Mia'];
const EMOJI = ['🌸', '🍀', '🌈', '😊', '🐱', '☀️', '🎉', '💕', '🌙', '🍓', '👨‍👩‍👧', '🇨🇳'];

export const NICKNAME_KINDS = ['chinese', 'stylish', 'latin', 'emoji', 'long', 'script', 'quotes'] as const;
export type NicknameKind = (typeof NICKNAME_KINDS)[number];

// Mostly ordinary names, with enough hostile ones that any batch of a few dozen contains each.
const WEIGHTS: Record<NicknameKind, number> = { chinese: 40, stylish: 15, latin: 10, emoji: 15, long: 7, script: 7, quotes: 6 };

export function pickNicknameKind(rng: Rng): NicknameKind {
  const total = Object.values(WEIGHTS).reduce((a, b) => a + b, 0);
  let x = rng.int(total);
  for (const kind of NICKNAME_KINDS) {
    x -= WEIGHTS[kind];
    if (x < 0) return kind;
  }
  return 'chinese';
}

export function nickname(rng: Rng, kind: NicknameKind): string {
  const chinese = () => rng.pick(SURNAMES) + rng.pick(GIVEN);
  switch (kind) {
    case 'chinese':
      return chinese();
    case 'stylish':
      return rng.pick(STYLISH);
    case 'latin':
      return `${rng.pick(LATIN)}${rng.int(3) === 0 ? ` ${rng.pick(SURNAMES)}` : ''}`;
    case 'emoji':
      return `${rng.pick(EMOJI)}${chinese()}${rng.pick(EMOJI)}`;
    case 'long':
      return `${rng.pick(STYLISH)}的${chinese()}🌟专注母婴用品代购十年诚信经营欢迎咨询${rng.pick(EMOJI)}VX同号`;
    case 'script':
      return `<script>alert("${chinese()}")</script>`;
    case 'quotes':
      return `${chinese()}"'小\\屋' ]]> &amp;`;
  }
}
