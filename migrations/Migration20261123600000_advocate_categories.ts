import { Migration } from '@mikro-orm/migrations';

/**
 * Advocates champion categories (PRODUCT.md: they mark solutions on others' threads "in their
 * categories"). members.advocate_category_ids lists them; null means every category. It sits
 * on the member row because the guardian decides with the viewer's row, which every request
 * reads anyway. Only advocates have a scope, and a scope is never empty. The audit trail keeps
 * the scope each grant gave.
 */
export class Migration20261123600000_advocate_categories extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      alter table members add column advocate_category_ids int[],
        add constraint members_advocate_scope_check
          check (advocate_category_ids is null or (is_advocate and cardinality(advocate_category_ids) > 0));
      alter table advocate_changes add column category_ids int[];
    `);
  }

  override async down(): Promise<void> {
    this.addSql(`
      alter table advocate_changes drop column category_ids;
      alter table members drop column advocate_category_ids;
    `);
  }
}
