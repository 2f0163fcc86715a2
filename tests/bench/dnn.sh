#!/bin/sh
echo "dnn bench: not written yet"
