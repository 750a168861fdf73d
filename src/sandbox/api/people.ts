// Simulated WeChat users: create (one or many, seeded) and inspect, including what they received.
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SandboxDeps } from '../deps.ts';
import { createPeople } from '../people/generator.ts';
import type { CreatePeopleInput } from '../people/generator.ts';
import { apiRoute, parse, requirePerson } from './http.ts';
import { peopleSchema } from './schemas.ts';
import { personView } from './views.ts';

export function registerPeople(fastify: FastifyInstance, deps: SandboxDeps): void {
  const { store } = deps;

  apiRoute(fastify, deps, 'POST', '/people', (req, reply) => {
    const people = createPeople(store, parse(peopleSchema, req.body) as CreatePeopleInput);
    return reply.code(201).send({ people: people.map((p) => personView(deps, p)) });
  });

  const listQuery = z.object({ offset: z.coerce.number().int().min(0).optional(), limit: z.coerce.number().int().min(1).max(1000).optional() });
  apiRoute(fastify, deps, 'GET', '/people', (req) => {
    const q = parse(listQuery, req.query);
    const all = Object.values(store.data.people);
    const offset = q.offset ?? 0;
    return { total: all.length, people: all.slice(offset, offset + (q.limit ?? 100)).map((p) => personView(deps, p)) };
  });

  apiRoute(fastify, deps, 'GET', '/people/:id', (req) => personView(deps, requirePerson(deps, (req.params as { id: string }).id)));

  apiRoute(fastify, deps, 'GET', '/people/:id/messages', (req) => {
    const p = requirePerson(deps, (req.params as { id: string }).id);
    const messages = Object.values(store.data.corps).flatMap((corp) => {
      const ext = corp.externalIds[p.id];
      if (!ext) return [];
      const chats = new Set(Object.values(corp.groups).filter((g) => g.members.some((m) => m.userid === ext)).map((g) => g.chatId));
      return corp.messages.filter((m) => m.to === ext || chats.has(m.to)).map((m) => ({ corpid: corp.corpid, ...m }));
    });
    return { messages: messages.sort((a, b) => a.at - b.at) };
  });
}
