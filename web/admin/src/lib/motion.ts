// Operators who asked their system for less motion get none: antd's transitions and ECharts'
// animations are off. Browser tests ask for it too, so they never click a dialog mid-animation.
export const reducedMotion: boolean = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
