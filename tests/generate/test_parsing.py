"""Teacher output formats: JSON or question lines, code blocks cut off or unfenced, OSS-Instruct answers."""

from __future__ import annotations

from tasks.generate.parsing import Malformed, ParsedProblem, ParsedQuestion, parse_code, parse_problem, parse_questions
from tasks.generate.templates import load_template


def test_question_lines_and_json_are_both_accepted():
    lines = ("Sure, here you go.\n\n**Question 1:** Write a function that pushes values onto a Stack with push and returns peek.\n"
             "APIs: push, `peek()`\nAnswer: something the model added\n"
             "Question 2: Use an ArrayList with add to collect numbers and return getIndexOf for 7.\n")
    assert parse_questions(lines, "stop", 3) == [
        ParsedQuestion("Write a function that pushes values onto a Stack with push and returns peek.", ("push", "peek")),
        ParsedQuestion("Use an ArrayList with add to collect numbers and return getIndexOf for 7.", ()),
    ]
    assert len(parse_questions(lines, "stop", 1)) == 1
    json_answer = '{"question": "Write a function that pushes values onto a Stack with push.", "apis": ["push"]}'
    assert parse_questions(json_answer, "stop", 1) == [
        ParsedQuestion("Write a function that pushes values onto a Stack with push.", ("push",))]


def test_unparseable_questions_are_rejected_with_a_reason():
    assert parse_questions("The task is to write some code.", "stop", 1)[0].reason == "no_question"
    assert parse_questions("The task is to write some", "length", 1)[0].reason == "truncated"
    assert parse_questions("Question: too short", "stop", 1)[0].reason == "empty_question"


def test_code_blocks_closed_cut_or_unfenced():
    code = "import { Stack } from '@kit.ArkTS';\nexport function f(): number { return 1; }"
    assert parse_code(f"Here:\n```typescript\n{code}\n```\nExplanation.", "stop") == code
    assert parse_code(f"```ts\n{code}", "length") == code  # cut by the token limit: the checker decides
    assert parse_code(f"```arkts\n{code}\n", "stop") == code  # closing fence removed by a stop sequence
    assert parse_code(code, "stop") == code  # unfenced, but starts with an import
    assert parse_code(f"You could write: {code}", "stop") == Malformed("no_code_block", "no ```typescript code block in the output")
    assert parse_code("```typescript\n\n```", "stop").reason == "empty_code"


def test_oss_instruct_answer():
    answer = ("**Problem:** Write `depth(text: string): number` that uses a Stack to track open parentheses.\n"
              "Solution:\n```typescript\nexport function depth(text: string): number { return 0; }\n```")
    assert parse_problem(answer, "stop") == ParsedProblem(
        "Write `depth(text: string): number` that uses a Stack to track open parentheses.",
        "export function depth(text: string): number { return 0; }")
    assert parse_problem("```typescript\nexport const x: number = 1;\n```", "stop").reason == "empty_question"
    assert parse_problem("Problem: a long enough problem statement but no code", "stop").reason == "no_code_block"


def test_templates_declare_their_stop_sequences():
    assert load_template("code").stop == ("\n```\n",)
    assert "\nQuestion 2" in load_template("question_single").stop
    assert load_template("question_multi").stop == ()
