/** The shape of a dictionary: same keys as zh-CN, any strings. */
export type Messages<T> = { [K in keyof T]: T[K] extends string ? string : Messages<T[K]> };
