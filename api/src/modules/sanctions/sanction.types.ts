import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Member } from '../accounts/member.entity.js';
import type { SanctionKind as Kind } from './active-sanctions.js';

export enum SanctionKind {
  SILENCE = 'SILENCE',
  SUSPEND = 'SUSPEND',
}
registerEnumType(SanctionKind, {
  name: 'SanctionKind',
  description: 'SILENCE: may read, may not post, reply, edit, vote or flag. SUSPEND: may not log in.',
});

@ObjectType({ description: 'A silence or suspension, with the reason the member is shown.', simpleResolvers: true })
export class MemberSanction {
  @Field(() => ID) id!: string;
  @Field(() => SanctionKind) kind!: SanctionKind;
  @Field(() => Date) startsAt!: Date;
  @Field(() => Date, { nullable: true, description: 'When it ends by itself; null: until staff lift it.' })
  until!: Date | null;
  @Field(() => String) reason!: string;
  @Field(() => Date, { nullable: true, description: 'When staff lifted it; null while in force or once it ran out.' })
  liftedAt!: Date | null;
  imposedBy!: number | null;
  liftedBy!: number | null;
}

/** Maps a member_sanctions (or active_member_sanctions) row. */
export const toMemberSanction = (row: {
  id: number;
  kind: Kind;
  starts_at: Date;
  until: Date | null;
  reason: string;
  lifted_at?: Date | null;
  imposed_by?: number | null;
  lifted_by?: number | null;
}): MemberSanction => ({
  id: String(row.id),
  kind: row.kind as SanctionKind,
  startsAt: new Date(row.starts_at),
  until: row.until === null ? null : new Date(row.until),
  reason: row.reason,
  liftedAt: row.lifted_at ? new Date(row.lifted_at) : null,
  imposedBy: row.imposed_by ?? null,
  liftedBy: row.lifted_by ?? null,
});

@ObjectType({ description: 'A sanction imposed, and the member it is on.', simpleResolvers: true })
export class SanctionPayload {
  @Field(() => Member) member!: Member;
  @Field(() => MemberSanction) sanction!: MemberSanction;
}

@ObjectType({ description: 'The sanctions lifted, and the member they were on.', simpleResolvers: true })
export class LiftSanctionPayload {
  @Field(() => Member) member!: Member;
  @Field(() => [MemberSanction]) lifted!: MemberSanction[];
}
