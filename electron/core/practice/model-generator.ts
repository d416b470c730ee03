/**
 * Practice problems written by Claude: a forced tool call (or, for a model that refuses forced
 * tools, a JSON-schema output format), validated by running it; one repair round with the
 * validation report; then the stronger model. Every call goes through the tutor's ClaudeClient,
 * so it is budgeted and recorded. Returns undefined when no attempt validated: the caller falls
 * back to the offline generator.
 */
import type { Message, MessageParam } from '@anthropic-ai/sdk/resources/messages/messages';
import { z } from 'zod';
import type { Exercise } from '../../../shared/content/schema.ts';
import type { ClaudeClient, ModelRequest } from '../tutor/client.ts';
import { ModelCallError } from '../tutor/errors.ts';
import { MODELS, type ModelKey } from '../tutor/models.ts';
import { GENERATED_PROBLEM_TOOL, GeneratedProblem, problemToExercise, problemTool } from './problem.ts';
import { briefText, repairText, systemPrompt, type ProblemBrief } from './prompt.ts';
import { formatReport, type ValidationReport } from './validate.ts';

/** The part of ClaudeClient this module uses (a fake can stand in for it). */
export type PracticeModelClient = Pick<ClaudeClient, 'call' | 'settings' | 'modelId'>;

export type AttemptStage = 'first' | 'repair' | 'escalation';

export interface ModelAttempt {
  stage: AttemptStage;
  model: ModelKey;
  report: ValidationReport;
  costUsd: number;
}

export interface ModelGeneration {
  exercise?: Exercise;
  /** Model id on the wire of the model whose problem validated. */
  modelId?: string;
  attempts: ModelAttempt[];
  /** Dollars spent on every call of this generation, the rejected ones included. */
  costUsd: number;
  /** Why the model path stopped without a problem: a call error (no key, budget, offline, …). */
  error?: ModelCallError;
}

const MAX_TOKENS = 3000;

export async function generateWithModel(
  brief: ProblemBrief,
  deps: {
    client: PracticeModelClient;
    validate: (exercise: unknown) => Promise<ValidationReport>;
    signal?: AbortSignal;
  },
): Promise<ModelGeneration> {
  const { client } = deps;
  const out: ModelGeneration = { attempts: [], costUsd: 0 };
  const system = systemPrompt(brief.language);
  const first: MessageParam = { role: 'user', content: briefText(brief) };

  const attempt = async (stage: AttemptStage, model: ModelKey, messages: MessageParam[]) => {
    const request: ModelRequest = {
      purpose: stage === 'repair' ? 'practice-repair' : 'practice',
      model,
      system,
      messages,
      maxTokens: MAX_TOKENS,
      ...structuredOutput(model),
    };
    const answer = await client.call(request, { signal: deps.signal });
    out.costUsd += answer.costUsd;
    const parsed = readProblem(answer.message, MODELS[model].forcedToolUse);
    let report: ValidationReport;
    let exercise: Exercise | undefined;
    if (!parsed.ok) {
      report = { ok: false, problems: [{ check: 'schema', message: parsed.message }] };
    } else {
      exercise = problemToExercise(parsed.problem, {
        track: brief.track,
        language: brief.language,
        locale: brief.locale,
      });
      report = await deps.validate(exercise);
    }
    out.attempts.push({ stage, model, report, costUsd: answer.costUsd });
    if (report.ok && exercise) {
      out.exercise = exercise;
      out.modelId = answer.modelId;
    }
    return { message: answer.message, report };
  };

  try {
    const main = client.settings.model;
    const one = await attempt('first', main, [first]);
    if (out.exercise) return out;

    const two = await attempt('repair', main, [first, ...repairTurn(one.message, one.report)]);
    if (out.exercise) return out;

    const stronger = client.settings.escalationModel;
    if (stronger !== main) {
      const escalated: MessageParam = {
        role: 'user',
        content: `${briefText(brief)}\n\nA first attempt at this problem was rejected:\n${formatReport(two.report)}\nAvoid these mistakes.`,
      };
      await attempt('escalation', stronger, [escalated]);
    }
  } catch (err) {
    if (err instanceof ModelCallError) out.error = err;
    else throw err;
  }
  return out;
}

/** A forced tool call where the model accepts one, else a JSON-schema output format. */
function structuredOutput(model: ModelKey): Pick<ModelRequest, 'tools' | 'toolChoice' | 'outputConfig'> {
  const tool = problemTool();
  if (MODELS[model].forcedToolUse) {
    return { tools: [tool], toolChoice: { type: 'tool', name: GENERATED_PROBLEM_TOOL } };
  }
  return { outputConfig: { format: { type: 'json_schema', schema: tool.input_schema } } };
}

type Read = { ok: true; problem: GeneratedProblem } | { ok: false; message: string };

/** The problem from the answer: the tool's input, or the JSON text for a schema-format answer. */
export function readProblem(message: Pick<Message, 'content'>, expectTool: boolean): Read {
  let input: unknown;
  if (expectTool) {
    const call = message.content.find((b) => b.type === 'tool_use' && b.name === GENERATED_PROBLEM_TOOL);
    if (!call || call.type !== 'tool_use') {
      return { ok: false, message: `the answer did not call the tool ${GENERATED_PROBLEM_TOOL}` };
    }
    input = call.input;
    if (typeof input === 'string') {
      try {
        input = JSON.parse(input);
      } catch {
        return { ok: false, message: 'the tool input was not valid JSON' };
      }
    }
  } else {
    const text = message.content
      .filter((b) => b.type === 'text')
      .map((b) => (b.type === 'text' ? b.text : ''))
      .join('');
    try {
      input = JSON.parse(text);
    } catch {
      return { ok: false, message: 'the answer was not valid JSON' };
    }
  }
  const parsed = GeneratedProblem.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      message: `the problem does not match the schema: ${z.prettifyError(parsed.error).replace(/\n/g, '; ')}`,
    };
  }
  return { ok: true, problem: parsed.data };
}

/** The assistant's answer and the validation report, as the next two turns of the conversation. */
function repairTurn(message: Message, report: ValidationReport): MessageParam[] {
  const text = repairText(formatReport(report));
  const call = message.content.find((b) => b.type === 'tool_use');
  if (call && call.type === 'tool_use') {
    return [
      {
        role: 'assistant',
        content: [
          { type: 'tool_use', id: call.id, name: call.name, input: isObject(call.input) ? call.input : {} },
        ],
      },
      {
        role: 'user',
        content: [{ type: 'tool_result', tool_use_id: call.id, is_error: true, content: text }],
      },
    ];
  }
  const said = message.content
    .filter((b) => b.type === 'text')
    .map((b) => (b.type === 'text' ? b.text : ''))
    .join('')
    .trim();
  return [
    { role: 'assistant', content: said || '(no answer)' },
    { role: 'user', content: text },
  ];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
