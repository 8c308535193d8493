import type { Deps } from '../../lib/context.ts';

/**
 * Demo residential institutions (SPEC §6): fictitious names in the demo's Kyiv and Lviv oblasts, with children
 * counts, one transformation plan with milestones and a few first-time admissions. Idempotent: skipped when the
 * register already holds an institution of these names.
 */
type DemoInstitution = {
  oblast: string;
  hromada: string | null;
  nameUk: string;
  nameEn: string;
  type: string;
  subordination: string;
  ownership: string;
  governanceLevel: string;
  capacity: number;
  status: string;
  address: string;
  counts: Array<{ asOf: string; ages: [number, number, number, number, number, number]; statuses: [number, number, number, number]; disability: number }>;
  admissions: Array<{ on: string; age: string; reason: string; gatekeeping: boolean; firstTime: boolean; children: number }>;
  plan?: { target: string; status: string; approvedOn: string; approvedBy: string; resources: string; milestones: Array<{ title: string; due: string; responsible: string; status: string; done: string | null }> };
};

const demoInstitutions: DemoInstitution[] = [
  {
    oblast: 'Kyiv',
    hromada: 'Bucha',
    nameUk: 'Комунальний заклад «Бучанський обласний спеціалізований будинок дитини»',
    nameEn: 'Bucha Oblast Specialised Baby Home',
    type: 'baby_home',
    subordination: 'health',
    ownership: 'communal',
    governanceLevel: 'oblast',
    capacity: 60,
    status: 'transforming',
    address: 'м. Буча, вул. Лісова, 12',
    counts: [
      { asOf: '2026-01-01', ages: [9, 14, 11, 0, 0, 0], statuses: [3, 10, 21, 0], disability: 12 },
      { asOf: '2026-07-01', ages: [6, 10, 9, 0, 0, 0], statuses: [2, 8, 15, 0], disability: 10 },
    ],
    admissions: [
      { on: '2026-08-14', age: 'under_1', reason: 'parents_statement', gatekeeping: false, firstTime: true, children: 1 },
      { on: '2026-09-03', age: '1_2', reason: 'disability_or_health', gatekeeping: true, firstTime: true, children: 1 },
    ],
    plan: {
      target: 'family_support_services',
      status: 'in_progress',
      approvedOn: '2026-02-10',
      approvedBy: 'Розпорядження Київської обласної військової адміністрації № 87',
      resources: 'Будівля й персонал — для центру раннього втручання та денного догляду',
      milestones: [
        { title: 'Оцінка потреб кожної дитини закладу', due: '2026-04-30', responsible: 'Служба у справах дітей, ЦНСП', status: 'done', done: '2026-04-22' },
        { title: 'Відкриття служби раннього втручання', due: '2026-10-31', responsible: 'Адміністрація закладу', status: 'delayed', done: null },
        { title: 'Припинення цілодобового перебування дітей', due: '2027-06-30', responsible: 'Обласна військова адміністрація', status: 'planned', done: null },
      ],
    },
  },
  {
    oblast: 'Lviv',
    hromada: 'Stryi',
    nameUk: 'Стрийська спеціальна школа-інтернат',
    nameEn: 'Stryi Special Boarding School',
    type: 'special_boarding_school',
    subordination: 'education',
    ownership: 'communal',
    governanceLevel: 'oblast',
    capacity: 120,
    status: 'operating',
    address: 'м. Стрий, вул. Шкільна, 3',
    counts: [{ asOf: '2026-09-01', ages: [0, 0, 0, 28, 41, 25], statuses: [4, 9, 81, 0], disability: 94 }],
    admissions: [{ on: '2026-09-01', age: '6_10', reason: 'education', gatekeeping: false, firstTime: true, children: 3 }],
  },
];

/** Loads the demo institutions. */
export async function seedDemoInstitutions(deps: Pick<Deps, 'db'>): Promise<void> {
  const db = deps.db;
  const existing = await db.selectFrom('institutions').select('name_uk').where('name_uk', 'in', demoInstitutions.map((i) => i.nameUk)).execute();
  if (existing.length > 0) return;
  const territories = await db.selectFrom('territories').select(['id', 'level', 'name_en']).where('level', 'in', ['oblast', 'hromada']).execute();
  const find = (level: string, prefix: string) => territories.find((t) => t.level === level && t.name_en.startsWith(prefix))?.id;
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  if (!admin) return;
  await db.transaction().execute(async (trx) => {
    for (const d of demoInstitutions) {
      const oblastId = find('oblast', d.oblast);
      if (!oblastId) continue;
      const hromadaId = d.hromada ? (find('hromada', d.hromada) ?? null) : null;
      const inst = await trx
        .insertInto('institutions')
        .values({ name_uk: d.nameUk, name_en: d.nameEn, type: d.type, subordination: d.subordination, ownership: d.ownership, governance_level: d.governanceLevel, capacity: d.capacity, status: d.status, oblast_id: oblastId, hromada_id: hromadaId, address: d.address, created_by: admin.id, updated_by: admin.id })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (const c of d.counts) {
        const [a0, a1, a2, a3, a4, a5] = c.ages;
        const [orphans, deprived, parents, other] = c.statuses;
        await trx
          .insertInto('institution_child_counts')
          .values({ institution_id: inst.id, as_of: c.asOf, total: a0 + a1 + a2 + a3 + a4 + a5, age_under_1: a0, age_1_2: a1, age_3_5: a2, age_6_10: a3, age_11_14: a4, age_15_17: a5, orphans, deprived_of_care: deprived, parents_statement: parents, other_status: other, with_disability: c.disability, recorded_by: admin.id })
          .execute();
      }
      for (const a of d.admissions) {
        await trx.insertInto('institution_admissions').values({ institution_id: inst.id, admitted_on: a.on, age_group: a.age, reason: a.reason, gatekeeping_consulted: a.gatekeeping, first_time: a.firstTime, children: a.children, recorded_by: admin.id }).execute();
      }
      if (d.plan) {
        const p = d.plan;
        const plan = await trx
          .insertInto('institution_transformation_plans')
          .values({ institution_id: inst.id, target_profile: p.target, status: p.status, approved_on: p.approvedOn, approved_by: p.approvedBy, resources_redirected: p.resources, created_by: admin.id, updated_by: admin.id })
          .returning('id')
          .executeTakeFirstOrThrow();
        for (const m of p.milestones) await trx.insertInto('institution_plan_milestones').values({ plan_id: plan.id, title: m.title, due_date: m.due, responsible: m.responsible, status: m.status, done_date: m.done }).execute();
      }
    }
  });
}
