"""Loads an Airflow DAG file with a stand-in for the few Airflow classes it uses (DAG, BashOperator,
>>) and prints its tasks in dependency order as JSON: task id, retries, and the bash command rendered
the way Airflow renders it (Jinja2, strict about undefined names) from the given Variables, logical
date and try number.

usage: render_dag.py DAG_FILE VARIABLES_JSON DS_NODASH TRY_NUMBER
"""

import importlib.util
import json
import sys
import types

import jinja2


class DAG:
    current = None

    def __init__(self, dag_id, default_args=None, **_):
        self.dag_id = dag_id
        self.default_args = default_args or {}
        self.tasks = []

    def __enter__(self):
        DAG.current = self
        return self

    def __exit__(self, *_):
        DAG.current = None


class BashOperator:
    def __init__(self, task_id, bash_command, retries=None, **_):
        if DAG.current is None:
            raise RuntimeError(f"task {task_id} defined outside a DAG")
        self.dag = DAG.current
        self.task_id = task_id
        self.bash_command = bash_command
        self.retries = retries if retries is not None else self.dag.default_args.get("retries", 0)
        self.upstream = []
        self.dag.tasks.append(self)

    def __rshift__(self, other):
        other.upstream.append(self)
        return other

    def __lshift__(self, other):
        self.upstream.append(other)
        return other


def stand_in():
    airflow = types.ModuleType("airflow")
    airflow.DAG = DAG
    operators = types.ModuleType("airflow.operators")
    bash = types.ModuleType("airflow.operators.bash")
    bash.BashOperator = BashOperator
    sys.modules.update(
        {"airflow": airflow, "airflow.operators": operators, "airflow.operators.bash": bash}
    )


def in_order(tasks):
    done, order = set(), []
    while len(order) < len(tasks):
        ready = [t for t in tasks if t not in done and all(u in done for u in t.upstream)]
        if not ready:
            raise RuntimeError("the DAG has a cycle")
        for t in ready:
            done.add(t)
            order.append(t)
    return order


def main(dag_file, variables_json, ds_nodash, try_number):
    stand_in()
    spec = importlib.util.spec_from_file_location("dag_under_test", dag_file)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    dags = [v for v in vars(module).values() if isinstance(v, DAG)]
    if len(dags) != 1:
        raise RuntimeError(f"{dag_file}: expected one DAG, found {len(dags)}")
    variables = json.loads(variables_json)
    context = {
        "var": types.SimpleNamespace(
            value=types.SimpleNamespace(get=lambda k, d=None: variables.get(k, d))
        ),
        "ds_nodash": ds_nodash,
        "ti": types.SimpleNamespace(try_number=int(try_number)),
    }
    env = jinja2.Environment(undefined=jinja2.StrictUndefined)
    out = [
        {
            "task_id": t.task_id,
            "retries": t.retries,
            "command": env.from_string(t.bash_command).render(**context),
        }
        for t in in_order(dags[0].tasks)
    ]
    print(json.dumps({"dag_id": dags[0].dag_id, "tasks": out}))


if __name__ == "__main__":
    main(*sys.argv[1:5])
