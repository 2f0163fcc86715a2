// cad-060-plate: plate stock (sharp edges), label -Y
// features: -Y pocket; -Y rounded pocket; -Y rounded pocket
// removed mm^3: px=0.000 mx=0.000 py=0.000 my=6135.166 pz=0.000 mz=0.000
// margin: label blind 6135.166 >= 1.50 x 0.000 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([-45.91, 12.89, -62.33], [[0, 1, 0], [0, 0, -1], [-1, 0, 0]])
part() {
	box([116.71, 72.86, 6.32]);
	face([0, 0, 6.32], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([58.18, 42.08, 0]) pocket(13.79, 34.86, 0.00, 1.39);  // -Y 668.200
	face([0, 0, 6.32], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([18.53, 30.29, 0]) pocket(24.18, 37.78, 4.27, 1.66);  // -Y 1488.906
	face([0, 0, 6.32], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([94.66, 51.53, 0]) pocket(36.17, 36.55, 14.15, 3.49);  // -Y 3978.059
}
