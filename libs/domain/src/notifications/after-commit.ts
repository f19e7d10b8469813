import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
  TransactionStartEvent,
} from 'typeorm';

interface Pending {
  depth: number;
  task: () => void;
}

interface RunnerState {
  depth: number;
  pending: Pending[];
}

/**
 * Runs side effects (e-mail) only once the transaction that asked for them has committed;
 * a rollback, of the whole transaction or of the savepoint they were asked in, drops them.
 */
@Injectable()
export class AfterCommit implements EntitySubscriberInterface, OnModuleInit {
  private readonly runners = new WeakMap<QueryRunner, RunnerState>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** `task` runs after commit of `manager`'s transaction, or at once when it has none. */
  schedule(manager: EntityManager, task: () => void): void {
    const runner = manager.queryRunner;
    const state = runner && this.runners.get(runner);
    if (!runner?.isTransactionActive || !state) {
      task();
      return;
    }
    state.pending.push({ depth: state.depth, task });
  }

  afterTransactionStart({ queryRunner }: TransactionStartEvent): void {
    const state = this.runners.get(queryRunner) ?? { depth: 0, pending: [] };
    state.depth += 1;
    this.runners.set(queryRunner, state);
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    const state = this.runners.get(queryRunner);
    if (!state) return;
    state.depth -= 1;
    // A released savepoint's tasks now belong to the enclosing transaction.
    state.pending.forEach((p) => (p.depth = Math.min(p.depth, state.depth)));
    if (state.depth > 0) return;
    this.runners.delete(queryRunner);
    state.pending.forEach((p) => p.task());
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    const state = this.runners.get(queryRunner);
    if (!state) return;
    state.pending = state.pending.filter((p) => p.depth < state.depth);
    state.depth -= 1;
    if (state.depth === 0) this.runners.delete(queryRunner);
  }
}
