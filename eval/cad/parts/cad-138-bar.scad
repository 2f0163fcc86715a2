// cad-138-bar: bar stock (sharp edges), label -X
// features: -X countersink; -X slot; +Y hole
// removed mm^3: px=0.000 mx=4.782 py=0.143 my=0.000 pz=0.000 mz=0.000
// margin: label blind 4.782 >= 1.50 x 0.143 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-4.08, 59.39, 0.24], [[0, 0, -1], [0, 1, 0], [1, 0, 0]])
part() {
	box([2.11, 4.18, 12.15]);
	face([0, 0, 12.15], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.04, 2.43, 0]) csink(0.44, 0.26, 0.18, 6.88);  // -X 1.477
	face([0, 0, 12.15], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.16, 3.24, 0]) slot(0.72, 0.23, 6.67);  // -X 3.305
	face([0, 4.18, 12.15], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([0.96, 11.24, 0]) hole(0.24, 0.80);  // +Y 0.143
}
