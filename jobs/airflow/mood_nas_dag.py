"""MOOD-NAS on Spark from Airflow: a Pareto sweep, its front trained from scratch, then ensembled.

Copy this file to the DAGs folder. Airflow Variables (with defaults):
  mood_nas_home     /opt/mood-nas      a checkout of this project (jobs/mood-nas-submit)
  mood_nas_submit   ""                 spark-submit options: --master, --conf …
  mood_nas_data     ""                 options of both search and training: --dataset cifar10 --data hdfs:///…
  mood_nas_search   "--parallelism 8"  options of the search only (e.g. @/opt/mood-nas/conf/presets/cifar10-l2-search.args)
  mood_nas_train    "--pareto-only --auxiliary --cutout --train-portion 0.9 --parallelism 8"
                                       options of the front's training only
  mood_nas_warehouse hdfs:///mood-nas/warehouse
SPARK_HOME must be set for the worker running the tasks.

Run ids derive from the logical date, so a retried task continues its run (--resume-existing)
instead of starting over: no finished trial or evaluation is run twice.

Without a checkout on the Airflow worker, each task can be a SparkSubmitOperator with the same
arguments: application = the jar mvn package builds (target/mood-nas-VERSION-spark.jar),
java_class = "org.moodnas.cli.MoodNas", application_args = the task's command line below from the
command on, as a list, conf = the spark-submit --conf settings (README: On a cluster).
"""

from datetime import datetime

from airflow import DAG
from airflow.operators.bash import BashOperator

HOME = "{{ var.value.get('mood_nas_home', '/opt/mood-nas') }}"
SUBMIT = "{{ var.value.get('mood_nas_submit', '') }}"
DATA = "{{ var.value.get('mood_nas_data', '') }}"
SEARCH = "{{ var.value.get('mood_nas_search', '--parallelism 8') }}"
TRAIN = (
    "{{ var.value.get('mood_nas_train',"
    " '--pareto-only --auxiliary --cutout --train-portion 0.9 --parallelism 8') }}"
)
WAREHOUSE = "{{ var.value.get('mood_nas_warehouse', 'hdfs:///mood-nas/warehouse') }}"
# A retry repeats the command: --resume-existing continues the run the first try recorded.
RESUME = "--resume-existing"

with DAG(
    dag_id="mood_nas_sweep",
    start_date=datetime(2026, 1, 1),
    schedule=None,
    catchup=False,
    default_args={"retries": 2},
    tags=["mood-nas", "spark"],
) as dag:
    search = BashOperator(
        task_id="search",
        bash_command=(
            f"{HOME}/jobs/mood-nas-submit {SUBMIT} search {DATA} {SEARCH}"
            f" --warehouse {WAREHOUSE} {RESUME} --run-id sweep-{{{{ ds_nodash }}}}"
        ),
    )
    train = BashOperator(
        task_id="train_front",
        bash_command=(
            f"{HOME}/jobs/mood-nas-submit {SUBMIT} train {DATA} {TRAIN}"
            f" --from-search sweep-{{{{ ds_nodash }}}}"
            f" --warehouse {WAREHOUSE} {RESUME} --run-id train-{{{{ ds_nodash }}}}"
        ),
    )
    ensemble = BashOperator(
        task_id="ensemble",
        bash_command=(
            f"{HOME}/jobs/mood-nas-submit {SUBMIT} ensemble --train-run train-{{{{ ds_nodash }}}}"
            f" --calculate --warehouse {WAREHOUSE}"
            # an ensemble is one short step: each try records its own run
            f" --run-id ensemble-{{{{ ds_nodash }}}}-{{{{ ti.try_number }}}}"
        ),
    )
    search >> train >> ensemble
