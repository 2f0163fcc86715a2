// cad-163-rodend: rod_end stock (turned edges), label -Y
// features: -Y counterbore; -Y pocket; -Y circular pocket; +Y circular pocket; +Y circular pocket
// removed mm^3: px=0.000 mx=0.000 py=1.485 my=9.662 pz=0.000 mz=0.000
// margin: label blind 9.662 >= 1.50 x 1.485 (through holes counted for both sides)
// written by eval/cad/recipes.py (seed 17); built by eval/cad/eval.mk
include <../lib.scad>
$fn = 20;
place([67.66, -227.85, 183.74], [[-1, 0, 0], [0, 0, -1], [0, -1, 0]])
part() {
	rod_z(1.62, 16.80);
	face([0, 0, 16.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.11, -0.72, 0]) cbore(0.44, 0.92, 0.21, 2.90);  // -Y 0.820
	face([0, 0, 16.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.04, 0.80, 0]) pocket(0.80, 1.13, 0.00, 6.02);  // -Y 5.442
	face([0, 0, 16.80], [1, 0, 0], [0, 1, 0], [0, 0, 1]) translate([-0.91, 0.26, 0]) hole(0.35, 8.98);  // -Y 3.399
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([-0.15, 0.33, 0]) hole(0.28, 4.84);  // +Y 1.173
	face([0, 0, 0], [1, 0, 0], [0, -1, 0], [0, 0, -1]) translate([0.49, -0.06, 0]) hole(0.22, 2.09);  // +Y 0.313
}
