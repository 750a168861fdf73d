// Every admin API path the console calls, in one place.
const enc = encodeURIComponent;

export const paths = {
  campaigns: (ws: string) => `${ws}/campaigns`,
  campaign: (ws: string, id: number | string) => `${ws}/campaigns/${enc(String(id))}`,
  campaignAction: (ws: string, id: number | string, action: 'publish' | 'end' | 'copy') => `${ws}/campaigns/${enc(String(id))}/${action}`,
  campaignStats: (ws: string, id: number | string) => `${ws}/campaigns/${enc(String(id))}/stats`,
  campaignHourly: (ws: string, id: number | string, day: string) => `${ws}/campaigns/${enc(String(id))}/stats/hourly?day=${enc(day)}`,
  contactWayQuota: (ws: string) => `${ws}/contact-way-quota`,
  campaignCode: (ws: string, id: number | string) => `${ws}/campaigns/${enc(String(id))}/activity-code.png`,
  campaignPoster: (ws: string, id: number | string) => `${ws}/campaigns/${enc(String(id))}/poster`,
  participants: (ws: string, id: number | string) => `${ws}/campaigns/${enc(String(id))}/participants`,
  participant: (ws: string, id: number | string, pid: number | string) => `${ws}/campaigns/${enc(String(id))}/participants/${enc(String(pid))}`,
  rewards: (ws: string, id: number | string) => `${ws}/campaigns/${enc(String(id))}/rewards`,
  issueRewards: (ws: string, id: number | string) => `${ws}/campaigns/${enc(String(id))}/rewards/issue`,
  staff: (ws: string) => `${ws}/staff`,
  directoryPull: (ws: string) => `${ws}/directory/pull`,
  customers: (ws: string) => `${ws}/customers`,
  corpTags: (ws: string) => `${ws}/corp-tags`,
  codePools: (ws: string) => `${ws}/code-pools`,
  connectionTest: (ws: string) => `${ws}/connection-test`,
};
