import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The take-it-private replies every organization starts with: they acknowledge without confirming
 * that anyone is a patient, and pass the reply guard with no finding. Unapproved: a compliance
 * officer approves each before it can be sent, as with any template.
 */
const TAKE_PRIVATE = [
  [
    'Take it private: sorry to hear',
    "We're sorry to hear this. Please send us a direct message so we can help privately.",
  ],
  [
    'Take it private: we take this seriously',
    'Thank you for letting us know. We take this seriously and want to look into it. Please send us a direct message so our patient relations team can follow up privately.',
  ],
  [
    'Take it private: keep details private',
    "We want to help. To protect your privacy, please don't share personal details here. Send us a direct message and our team will reach out.",
  ],
  [
    'Take it private (español): lamentamos',
    'Lamentamos mucho lo ocurrido. Por favor, envíenos un mensaje privado para que podamos ayudarle.',
  ],
  [
    'Take it private (español): en serio',
    'Gracias por avisarnos. Nos lo tomamos en serio: envíenos un mensaje privado y nuestro equipo se pondrá en contacto.',
  ],
];

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

export class FeedbackOwners1796656629936 implements MigrationInterface {
  name = 'FeedbackOwners1796656629936';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            CREATE TABLE "conversation_notes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "message_id" uuid NOT NULL,
                "author_id" uuid NOT NULL,
                "text" text NOT NULL,
                CONSTRAINT "pk_conversation_notes_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_notes_organization_id" ON "conversation_notes" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_notes_organization_id_message_id_created_at" ON "conversation_notes" ("organization_id", "message_id", "created_at")
        `);
    await queryRunner.query(`
            CREATE TABLE "feedback_groups" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "name" text NOT NULL,
                "member_ids" uuid array NOT NULL DEFAULT '{}',
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "pk_feedback_groups_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_feedback_groups_organization_id" ON "feedback_groups" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_feedback_groups_organization_id_name" ON "feedback_groups" ("organization_id", "name")
        `);
    await queryRunner.query(`
            CREATE TABLE "feedback_routes" (
                "id" uuid NOT NULL DEFAULT gen_random_uuid(),
                "organization_id" uuid NOT NULL,
                "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                "category" text NOT NULL,
                "owner_user_id" uuid,
                "owner_group_id" uuid,
                "response_target_hours" integer,
                "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
                CONSTRAINT "CHK_60163e038ad733ac4bf6cbf17c" CHECK (
                    "response_target_hours" IS NULL
                    OR "response_target_hours" > 0
                ),
                CONSTRAINT "CHK_582db646bc90891114a3863314" CHECK (
                    "owner_user_id" IS NULL
                    OR "owner_group_id" IS NULL
                ),
                CONSTRAINT "pk_feedback_routes_id" PRIMARY KEY ("id")
            )
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_feedback_routes_organization_id" ON "feedback_routes" ("organization_id")
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_feedback_routes_owner_group_id" ON "feedback_routes" ("owner_group_id")
        `);
    await queryRunner.query(`
            CREATE UNIQUE INDEX "ix_feedback_routes_organization_id_category" ON "feedback_routes" ("organization_id", "category")
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages"
            ADD "assignee_id" uuid
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages"
            ADD "first_response_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages"
            ADD "escalated_at" TIMESTAMP WITH TIME ZONE
        `);
    await queryRunner.query(`
            ALTER TABLE "reply_templates"
            ADD "purpose" text NOT NULL DEFAULT 'general'
        `);
    await queryRunner.query(`
            ALTER TABLE "reply_templates"
            ALTER COLUMN "created_by_id" DROP NOT NULL
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_messages_status_received_at" ON "conversation_messages" ("status", "received_at")
            WHERE "escalated_at" IS NULL
                AND "status" = 'new'
        `);
    await queryRunner.query(`
            CREATE INDEX "ix_conversation_messages_organization_id_assignee_id" ON "conversation_messages" ("organization_id", "assignee_id")
        `);
    await queryRunner.query(`
            ALTER TABLE "feedback_routes"
            ADD CONSTRAINT "fk_feedback_routes_owner_group_id" FOREIGN KEY ("owner_group_id") REFERENCES "feedback_groups"("id") ON DELETE RESTRICT ON UPDATE NO ACTION
        `);
    // A reply already sent is the first response of the messages answered before this column.
    await queryRunner.query(`
            UPDATE conversation_messages m SET first_response_at = s.sent_at
            FROM (SELECT message_id, min(sent_at) AS sent_at FROM conversation_replies
                  WHERE sent_at IS NOT NULL GROUP BY message_id) s
            WHERE s.message_id = m.id
        `);
    // Every organization, now and at its creation however it is created, gets the set.
    const rows = TAKE_PRIVATE.map(([name, text]) => `(${quote(name)}, ${quote(text)})`);
    await queryRunner.query(`
            CREATE FUNCTION seed_take_private_templates() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              INSERT INTO reply_templates (organization_id, name, text, purpose)
              SELECT NEW.id, t.name, t.text, 'take_private' FROM (VALUES ${rows.join(', ')}) AS t(name, text)
              ON CONFLICT (organization_id, name) DO NOTHING;
              RETURN NEW;
            END $$
        `);
    await queryRunner.query(`
            CREATE TRIGGER seed_take_private_templates AFTER INSERT ON organizations
            FOR EACH ROW EXECUTE FUNCTION seed_take_private_templates()
        `);
    await queryRunner.query(`
            INSERT INTO reply_templates (organization_id, name, text, purpose)
            SELECT o.id, t.name, t.text, 'take_private'
            FROM organizations o CROSS JOIN (VALUES ${rows.join(', ')}) AS t(name, text)
            ON CONFLICT (organization_id, name) DO NOTHING
        `);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
            DROP TRIGGER seed_take_private_templates ON organizations
        `);
    await queryRunner.query(`
            DROP FUNCTION seed_take_private_templates()
        `);
    await queryRunner.query(`
            DELETE FROM reply_templates WHERE created_by_id IS NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "feedback_routes" DROP CONSTRAINT "fk_feedback_routes_owner_group_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_messages_organization_id_assignee_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_messages_status_received_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "reply_templates"
            ALTER COLUMN "created_by_id"
            SET NOT NULL
        `);
    await queryRunner.query(`
            ALTER TABLE "reply_templates" DROP COLUMN "purpose"
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages" DROP COLUMN "escalated_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages" DROP COLUMN "first_response_at"
        `);
    await queryRunner.query(`
            ALTER TABLE "conversation_messages" DROP COLUMN "assignee_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_feedback_routes_organization_id_category"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_feedback_routes_owner_group_id"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_feedback_routes_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "feedback_routes"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_feedback_groups_organization_id_name"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_feedback_groups_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "feedback_groups"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_notes_organization_id_message_id_created_at"
        `);
    await queryRunner.query(`
            DROP INDEX "public"."ix_conversation_notes_organization_id"
        `);
    await queryRunner.query(`
            DROP TABLE "conversation_notes"
        `);
  }
}
