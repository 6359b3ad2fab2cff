/*
*This is auto generated from the ControlManifest.Input.xml file
*/

// Define IInputs and IOutputs Type. They should match with ControlManifest.
export interface IInputs {
    latitude: ComponentFramework.PropertyTypes.NumberProperty;
    longitude: ComponentFramework.PropertyTypes.NumberProperty;
    address: ComponentFramework.PropertyTypes.StringProperty;
    wardCode: ComponentFramework.PropertyTypes.StringProperty;
    wards: ComponentFramework.PropertyTypes.StringProperty;
    assets: ComponentFramework.PropertyTypes.StringProperty;
    tileUrlTemplate: ComponentFramework.PropertyTypes.StringProperty;
    tileAttribution: ComponentFramework.PropertyTypes.StringProperty;
    snapRadius: ComponentFramework.PropertyTypes.WholeNumberProperty;
}
export interface IOutputs {
    latitude?: number;
    longitude?: number;
    address?: string;
    wardCode?: string;
    assetId?: string;
}
