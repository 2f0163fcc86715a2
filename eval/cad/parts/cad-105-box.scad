// cad-105-box: box stock (sharp edges), label +X
// features: +X rounded pocket; +Z rounded pocket; -Y counterbore
// removed mm^3: px=16.896 mx=0.000 py=0.000 my=0.277 pz=1.596 mz=0.000
// margin: label blind 16.896 >= 1.50 x 1.596 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 40;
place([45.79, -129.16, 225.91], [[0, 0, 1], [0, 1, 0], [-1, 0, 0]])
part() {
	box([8.14, 6.11, 3.99]);
	face([0, 0, 3.99], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([3.23, 3.42, 0]) pocket(3.44, 2.17, 0.95, 2.53);  // +X 16.896
	face([0, 0, 3.99], [0, 1, 0], [0, 0, -1], [-1, 0, 0]) translate([5.15, 1.46, 0]) pocket(0.85, 1.30, 0.15, 1.47);  // +Z 1.596
	face([0, 0, 0], [1, 0, 0], [0, 0, 1], [0, -1, 0]) translate([3.27, 2.42, 0]) cbore(0.42, 0.25, 0.25, 0.96);  // -Y 0.277
}
