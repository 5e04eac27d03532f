"""Prices an NDJSON file of AOIs with Apache Spark: each partition of lines is streamed through
`geoprice estimate --ndjson --aoi -` (RDD.pipe), so Spark only splits, schedules and gathers; every price is the CLI's.

    spark-submit price_ndjson.py INPUT.ndjson OUTPUT_DIR GEOPRICE [PARTITIONS]

The answer lines come out in input order: part-00000, part-00001, … each hold their partition's lines in order.
"""
import shlex
import sys

from pyspark.sql import SparkSession


def main():
    source, target, geoprice = sys.argv[1], sys.argv[2], sys.argv[3]
    partitions = int(sys.argv[4]) if len(sys.argv) > 4 else 8
    spark = SparkSession.builder.appName("geoprice-estimate").getOrCreate()
    command = [geoprice, "estimate", "--ndjson", "--aoi", "-", "--product", "SKYSAT-TASKING", "--contract", "NGO-2026",
               "--as-of", "2026-11-30"]
    lines = spark.sparkContext.textFile(source, minPartitions=partitions)
    # The CLI exits 2 when some line was refused; its error lines are answers too, so the exit status is not checked.
    lines.pipe(shlex.join(command), checkCode=False).saveAsTextFile(target)
    spark.stop()


if __name__ == "__main__":
    main()
