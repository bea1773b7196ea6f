import { Arg, Ctx, Field, FieldResolver, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../graphql/context.js';
import { connectionType, decodeCursor, pageSize, toConnection } from '../../graphql/pagination.js';
import { ValidationError } from '../../platform/errors.js';
import { Member } from '../accounts/member.entity.js';
import { customerAccessGrants, searchCustomers } from './customers.queries.js';
import { Customer, toCustomer } from './customers.resolver.js';

const CustomerConnection = connectionType(Customer, 'Customer');

@ObjectType({ description: 'A moderator an administrator allowed to read customer records.', simpleResolvers: true })
class CustomerAccessGrant {
  @Field(() => Date) grantedAt!: Date;
  memberId!: number;
  grantedById!: number | null;
}

/** The customer list and the access grants (staff pages). */
@Resolver(() => CustomerAccessGrant)
export class CustomerDirectoryResolver {
  @Query(() => CustomerConnection, {
    description:
      'Staff with the customer permission: customers newest first, or those whose name contains `search`, whose external id starts with it or who have it as an email.',
  })
  async customers(
    @Arg('search', () => String, { nullable: true }) search: string | null,
    @Arg('first', () => Int, { nullable: true }) first: number | null,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: Context,
  ) {
    ctx.guardian.ensureCan('customer.read', await ctx.loaders.customerAccess());
    if (search && search.length > 200) throw new ValidationError({ search: 'Search for at most 200 characters.' });
    const limit = pageSize(first);
    const cursor = decodeCursor(after, ['id']);
    const rows = await searchCustomers(ctx.em, search ?? null, limit + 1, (cursor?.[0] as number) ?? null);
    for (const row of rows) ctx.loaders.customerById.prime(row.id, row);
    return toConnection(rows.map(toCustomer), limit, (c) => [c.rowId]);
  }

  @Query(() => [CustomerAccessGrant], {
    description: 'Administrators: the moderators granted customer access (grantCustomerAccess), most recent first.',
  })
  async customerAccessGrants(@Ctx() ctx: Context): Promise<CustomerAccessGrant[]> {
    ctx.guardian.ensureCan('customer.grantAccess', null);
    return (await customerAccessGrants(ctx.em)).map((g) => ({
      grantedAt: new Date(g.granted_at),
      memberId: g.member_id,
      grantedById: g.granted_by,
    }));
  }

  @FieldResolver(() => Member, { nullable: true })
  member(@Root() grant: CustomerAccessGrant, @Ctx() ctx: Context) {
    return ctx.loaders.memberById.load(grant.memberId);
  }

  @FieldResolver(() => Member, { nullable: true, description: 'The administrator who granted it.' })
  grantedBy(@Root() grant: CustomerAccessGrant, @Ctx() ctx: Context) {
    return grant.grantedById === null ? null : ctx.loaders.memberById.load(grant.grantedById);
  }
}
