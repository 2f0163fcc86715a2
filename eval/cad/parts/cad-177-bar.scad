// cad-177-bar: bar stock (sharp edges), label +Z
// features: +Z step
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=0.000 pz=6162.116 mz=0.000
// margin: label blind 6162.116 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 24;
place([-20.72, -54.93, 32.04], [[-1, 0, 0], [0, -1, 0], [0, 0, 1]])
part() {
	box([91.72, 32.29, 26.51]);
	face([0, 0, 26.51], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([45.86, 2.47, 0]) translate([0, -0.50, 0]) step(93.72, 5.94, 13.60);  // +Z 6162.116
}
