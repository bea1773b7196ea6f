import { Entity, OptionalProps, PrimaryKey, Property } from '@mikro-orm/postgresql';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export enum CategoryKind {
  QA = 'QA',
  DISCUSSION = 'DISCUSSION',
  IDEAS = 'IDEAS',
  ANNOUNCEMENTS = 'ANNOUNCEMENTS',
  RESTRICTED = 'RESTRICTED',
}
registerEnumType(CategoryKind, {
  name: 'CategoryKind',
  description:
    'QA: questions and answers. DISCUSSION, IDEAS: open conversation. ANNOUNCEMENTS: everyone reads, only staff start threads. RESTRICTED: only staff and advocates see it and post in it.',
});

@ObjectType({ description: 'A forum section.', simpleResolvers: true })
@Entity({ tableName: 'categories' })
export class Category {
  [OptionalProps]?:
    | 'description'
    | 'kind'
    | 'position'
    | 'slowModeSeconds'
    | 'answerTargetMinutes'
    | 'threadCount'
    | 'createdAt'
    | 'updatedAt';

  @Field(() => ID)
  @PrimaryKey({ type: 'integer' })
  id!: number;

  @Field(() => String)
  @Property({ type: 'text' })
  slug!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  name!: string;

  @Field(() => String)
  @Property({ type: 'text' })
  description: string = '';

  @Field(() => CategoryKind)
  @Property({ type: 'text' })
  kind: CategoryKind = CategoryKind.QA;

  @Field(() => Int)
  @Property({ type: 'integer' })
  position: number = 0;

  @Field(() => Int, {
    description: 'The least time in seconds between two posts of one member here (staff exempt); 0 is off.',
  })
  @Property({ type: 'integer' })
  slowModeSeconds: number = 0;

  /** Minutes a question may wait unanswered before it is escalated; null: never (modules/escalations). */
  @Property({ type: 'integer', nullable: true })
  answerTargetMinutes: number | null = null;

  @Field(() => Int, { description: 'Threads in this category, not counting deleted ones.' })
  @Property({ type: 'integer' })
  threadCount: number = 0;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
