import { ArrayType, Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum Role {
  MEMBER = 'MEMBER',
  MODERATOR = 'MODERATOR',
  ADMIN = 'ADMIN',
}
registerEnumType(Role, { name: 'Role', description: 'What a member may administer.' });

/** A person with an account. Email is private: see MemberResolver.email. */
@ObjectType({ description: 'A community member.', simpleResolvers: true })
@Entity({ tableName: 'members' })
export class Member {
  [OptionalProps]?:
    | 'role'
    | 'reputation'
    | 'isAdvocate'
    | 'advocateCategoryIds'
    | 'seenLevelMin'
    | 'signupNetwork'
    | 'heldAt'
    | 'approvedAt'
    | 'approvedBy'
    | 'emailVerifiedAt'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  handle!: string;

  @Property({ type: 'text' })
  email!: string;

  @Property({ type: 'text', lazy: true, hidden: true })
  passwordHash!: string;

  @Field(() => Role)
  @Property({ type: 'text' })
  role: Role = Role.MEMBER;

  @Field(() => Int, { description: 'The sum of the reputation ledger, cached (see reputationHistory).' })
  @Property({ type: 'integer' })
  reputation: number = 0;

  @Field(() => Boolean, { description: 'Granted by staff: shown on every post (see grantAdvocate).' })
  @Property({ type: 'boolean' })
  isAdvocate: boolean = false;

  /** The categories an advocate champions; null for every category (and for non-advocates). */
  @Property({ type: new ArrayType((i) => Number(i)), columnType: 'int[]', nullable: true })
  advocateCategoryIds: number[] | null = null;

  /** The level threshold the member was last told about (see notices). */
  @Property({ type: 'integer' })
  seenLevelMin: number = 0;

  /** Where the member signed up (IPv4 address or IPv6 /64), to count sign-ups per network. Private. */
  @Property({ type: 'text', nullable: true, lazy: true, hidden: true })
  signupNetwork: string | null = null;

  /** Set when the sign-up was held for staff approval (too many from one network); see approvedAt. */
  @Property({ type: 'timestamptz', nullable: true })
  heldAt: Date | null = null;

  /** When staff approved a held sign-up (approveMember); until then the member cannot log in. */
  @Property({ type: 'timestamptz', nullable: true })
  approvedAt: Date | null = null;

  @Property({ type: 'integer', nullable: true })
  approvedBy: number | null = null;

  /** Set by the signed link of the verification email (verifyEmail); no other email goes to an unverified address. */
  @Property({ type: 'timestamptz', nullable: true })
  emailVerifiedAt: Date | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

export const isStaff = (member: Pick<Member, 'role'> | null | undefined): boolean =>
  member?.role === Role.MODERATOR || member?.role === Role.ADMIN;
