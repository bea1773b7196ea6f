import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType } from 'type-graphql';

/** One version of a post; revision 1 is the original. Title and tags only on questions. */
@ObjectType({ simpleResolvers: true })
@Entity({ tableName: 'post_revisions' })
export class PostRevision {
  [OptionalProps]?: 'title' | 'tags' | 'reason' | 'createdAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Property({ type: 'integer' })
  postId!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  revision!: number;

  @Property({ type: 'integer' })
  editorId!: number;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  title: string | null = null;

  @Field(() => [String], { nullable: true })
  @Property({ type: 'text[]', nullable: true })
  tags: string[] | null = null;

  @Field(() => String)
  @Property({ type: 'text' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'Why the editor made this edit, when they said.' })
  @Property({ type: 'text', nullable: true })
  reason: string | null = null;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
