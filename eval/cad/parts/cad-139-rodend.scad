// cad-139-rodend: rod_end stock (turned edges), label -Y
// features: -Y slot; -Y slot; -Y countersink; -Y slot; +Y slot
// removed mm^3: px=0.000 mx=0.000 py=3.122 my=34.991 pz=0.000 mz=0.000
// margin: label blind 34.991 >= 1.50 x 3.122 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 16;
place([-165.15, 20.98, -1.19], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	rod_z(3.41, 26.94);
	face([0, 0, 26.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.30, -0.55, 0]) slot(1.42, 0.34, 6.40);  // -Y 8.445
	face([0, 0, 26.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([0.26, 1.04, 0]) slot(1.05, 0.53, 10.55);  // -Y 20.815
	face([0, 0, 26.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-1.80, 1.16, 0]) csink(0.42, 0.23, 0.19, 12.96);  // -Y 2.131
	face([0, 0, 26.94], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([1.83, -0.86, 0]) slot(1.25, 0.28, 3.83);  // -Y 3.600
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([1.38, 1.45, 0]) slot(0.85, 0.29, 4.16);  // +Y 3.122
}
