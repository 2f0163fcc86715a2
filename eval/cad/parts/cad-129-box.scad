// cad-129-box: box stock (sharp edges), label +Z
// features: +Z step; +X circular pocket; +X pocket
// removed mm^3: px=178099.029 mx=0.000 py=0.000 my=0.000 pz=1207519.202 mz=0.000
// margin: label blind 1207519.202 >= 1.50 x 178099.029 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 28;
place([25.48, -4.52, 77.33], [[0, 1, 0], [-1, 0, 0], [0, 0, 1]])
part() {
	box([154.72, 370.78, 266.96]);
	face([0, 0, 266.96], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([77.36, 50.19, 0]) translate([0, -0.50, 0]) step(156.72, 101.38, 77.75);  // +Z 1207519.202
	face([0, 370.78, 266.96], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([109.33, 46.50, 0]) hole(12.53, 105.72);  // +X 51708.055
	face([0, 370.78, 266.96], [1, 0, 0], [0, 0, -1], [0, 1, 0]) translate([47.90, 176.59, 0]) pocket(42.14, 51.57, 0.00, 58.16);  // +X 126390.974
}
