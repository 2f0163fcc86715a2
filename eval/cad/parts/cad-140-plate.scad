// cad-140-plate: plate stock (sharp edges), label -Z
// features: -Z pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=503355.772
// margin: label blind 503355.772 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([30.11, -85.20, 230.72], [[1, 0, 0], [0, -1, 0], [0, 0, -1]])
part() {
	box([449.29, 415.15, 25.89]);
	face([0, 0, 25.89], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([154.20, 267.98, 0]) pocket(221.36, 221.63, 0.00, 10.26);  // -Z 503355.772
}
