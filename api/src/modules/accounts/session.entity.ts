import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';

/** A login session; only the SHA-256 of its token is stored, so a database leak grants nothing. */
@Entity({ tableName: 'sessions' })
export class Session {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  memberId!: number;

  @Property({ type: 'text' })
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
