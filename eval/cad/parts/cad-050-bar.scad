// cad-050-bar: bar stock (sharp edges), label +X
// features: +X rounded pocket; +X step
// removed mm^3: px=1008.968 mx=0.000 py=0.000 my=0.000 pz=0.000 mz=0.000
// margin: label blind 1008.968 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([-18.23, 134.48, 111.52], [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
part() {
	box([56.76, 14.68, 15.36]);
	face([0, 0, 15.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([24.46, 5.32, 0]) pocket(9.50, 4.65, 0.49, 9.09);  // +X 399.649
	face([0, 0, 15.36], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([28.38, 13.73, 0]) translate([0, 0.50, 0]) step(58.76, 2.90, 5.65);  // +X 609.319
}
