const KEY = 'fission.workspace';

export const lastWorkspace = (): string | null => localStorage.getItem(KEY);
export const rememberWorkspace = (slug: string): void => localStorage.setItem(KEY, slug);
