// cad-071-plate: plate stock (sharp edges), label +Z
// features: +Z open slot
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=379.949 mz=0.000
// margin: label blind 379.949 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 32;
place([-19.44, -21.82, 17.30], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box([55.48, 51.95, 2.02]);
	face([0, 0, 2.02], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([27.74, 26.27, 0]) translate([0, 0.00, 0]) step(57.48, 8.78, 0.78);  // +Z 379.949
}
